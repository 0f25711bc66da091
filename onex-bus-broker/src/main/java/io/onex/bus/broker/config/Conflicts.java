package io.onex.bus.broker.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks buses against each other: unique names, no two on one fixed port of one host, no fixed
 * port inside another bus's range, none on the HTTP API's port. One thread during loading.
 */
final class Conflicts {
  private final List<ConfigException.Problem> problems;

  Conflicts(List<ConfigException.Problem> problems) {
    this.problems = problems;
  }

  void check(List<BusConfig> buses, HttpConfig http) {
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < buses.size(); i++) {
      BusConfig b = buses.get(i);
      Integer first = names.putIfAbsent(b.name(), i);
      if (first != null && !b.name().isEmpty()) {
        add(i, "name", "duplicate bus name '" + b.name() + "' (also buses[" + first + "])");
      }
      if (b.port().isFixed() && http.port() == b.port().from()) {
        add(i, "port", "port " + b.port().from() + " is the HTTP API's port");
      }
      for (int j = 0; j < i; j++) {
        checkPair(buses.get(j), j, b, i);
      }
    }
  }

  private void checkPair(BusConfig a, int ai, BusConfig b, int bi) {
    if (!a.host().equals(b.host()) || a.port().isEphemeral() || b.port().isEphemeral()) {
      return;
    }
    if (a.port().isFixed() && b.port().isFixed() && a.port().from() == b.port().from()) {
      add(
          bi,
          "port",
          "port " + b.port().from() + " is already bus '" + a.name() + "''s (buses[" + ai + "])");
    } else if (b.port().isFixed() && a.port().isRange() && a.port().contains(b.port().from())) {
      add(
          bi,
          "port",
          "port " + b.port().from() + " lies in bus '" + a.name() + "''s range " + a.port());
    } else if (a.port().isFixed() && b.port().isRange() && b.port().contains(a.port().from())) {
      add(
          bi,
          "port",
          "range " + b.port() + " contains bus '" + a.name() + "''s port " + a.port().from());
    }
  }

  private void add(int bus, String key, String reason) {
    problems.add(new ConfigException.Problem("buses[" + bus + "]." + key, reason));
  }
}
