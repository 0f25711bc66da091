package io.onex.bus.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules between buses, which no single record can check: unique names, no two binds on one
 * fixed port of one host, no fixed port inside another bus's range, nothing on the HTTP API's port.
 * Overlapping ranges are allowed: they share one pool. Stateless; any thread.
 */
final class ConfigValidator {
  /** A config without buses would start nothing; that is a mistake, not a choice. */
  static final ConfigException.Problem EMPTY =
      new ConfigException.Problem("buses", "must list at least one bus");

  private ConfigValidator() {}

  /**
   * Where a bus sits, as far as the cross-checks care.
   *
   * @param index position in {@code buses}
   * @param name null when the name itself was invalid (then it takes part in no name check)
   * @param port null when host or port were invalid (then it takes part in no port check)
   * @param portKey the key to blame for a port conflict: {@code buses[i].port} or {@code .endpoint}
   */
  record Placement(int index, String name, String host, PortSpec port, String portKey) {}

  /** The problems of a list of resolved buses; empty when there are none. */
  static List<ConfigException.Problem> check(HttpConfig http, List<BusConfig> buses) {
    if (buses.isEmpty()) {
      return List.of(EMPTY);
    }
    List<Placement> placed = new ArrayList<>();
    for (int i = 0; i < buses.size(); i++) {
      BusConfig b = buses.get(i);
      placed.add(new Placement(i, b.name(), b.host(), b.port(), "buses[" + i + "].port"));
    }
    return checkPlacements(http, placed);
  }

  /**
   * The problems between the buses as the loader saw them (entries that were not even mappings are
   * left out); empty when there are none.
   */
  static List<ConfigException.Problem> checkPlacements(HttpConfig http, List<Placement> buses) {
    List<ConfigException.Problem> problems = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int j = 0; j < buses.size(); j++) {
      Placement b = buses.get(j);
      if (b.name() != null) {
        Integer first = names.putIfAbsent(b.name(), b.index());
        if (first != null) {
          problems.add(
              new ConfigException.Problem(
                  "buses[" + b.index() + "].name",
                  "duplicate bus name '" + b.name() + "' (also buses[" + first + "])"));
        }
      }
      if (b.port() == null) {
        continue;
      }
      for (int i = 0; i < j; i++) {
        Placement a = buses.get(i);
        if (a.port() != null && Hosts.overlap(a.host(), b.host())) {
          String clash = clash(a, b.port());
          if (clash != null) {
            problems.add(new ConfigException.Problem(b.portKey(), clash));
          }
        }
      }
      String httpProblem = httpClash(http, b);
      if (httpProblem != null) {
        problems.add(new ConfigException.Problem(b.portKey(), httpProblem));
      }
    }
    return problems;
  }

  /** Why {@code port} cannot sit next to the earlier bus {@code a}, or null. */
  private static String clash(Placement a, PortSpec port) {
    // The earlier bus may have an invalid name; its index still identifies it.
    String index = "buses[" + a.index() + "]";
    String other =
        (a.name() == null ? index : "bus '" + a.name() + "' (" + index + ")") + " on " + a.host();
    if (port instanceof PortSpec.Fixed f && a.port() instanceof PortSpec.Fixed) {
      return a.port().contains(f.port())
          ? "port " + f.port() + " is already used by " + other
          : null;
    }
    if (port instanceof PortSpec.Fixed f && a.port() instanceof PortSpec.Range r) {
      return r.contains(f.port())
          ? "port " + f.port() + " lies inside the port range " + r.text() + " of " + other
          : null;
    }
    if (port instanceof PortSpec.Range r && a.port() instanceof PortSpec.Fixed f) {
      return r.contains(f.port())
          ? "port range " + r.text() + " contains port " + f.port() + " of " + other
          : null;
    }
    // Ephemeral never clashes; two ranges share one pool.
    return null;
  }

  private static String httpClash(HttpConfig http, Placement b) {
    if (http.port() == 0
        || !Hosts.overlap(http.host(), b.host())
        || !b.port().contains(http.port())) {
      return null;
    }
    return b.port() instanceof PortSpec.Range r
        ? "port range " + r.text() + " contains the HTTP API's port " + http.port() + " (http.port)"
        : "port " + http.port() + " is the HTTP API's port (http.port)";
  }
}
