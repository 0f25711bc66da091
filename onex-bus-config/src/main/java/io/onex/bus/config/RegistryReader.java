package io.onex.bus.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code registry} mapping over {@link RegistryConfig#DEFAULT}, recording every problem
 * in the load's list instead of throwing. One load; one thread.
 */
final class RegistryReader {
  static final List<String> KEYS =
      List.of("host", "port", "portserver", "lease", "node", "retry", "ranges");
  static final List<String> LIFETIME = List.of("ttl", "max_ttl", "reap_interval");
  static final List<String> RETRY = List.of("attempts", "backoff", "max_backoff");

  private RegistryReader() {}

  static RegistryConfig read(Section r) {
    RegistryConfig d = RegistryConfig.DEFAULT;
    int before = r.problemCount();
    String host = r.host("host", d.host(), false);
    int port = r.integer(RegistryConfig.PORT, d.port());
    String portserver = r.text("portserver", d.portserver());
    RegistryConfig.Lifetimes lease = lifetimes(r.section("lease", LIFETIME), d.lease());
    RegistryConfig.Lifetimes node = lifetimes(r.section("node", LIFETIME), d.node());
    RegistryConfig.RetryPolicy retry = retry(r.section("retry", RETRY), d.retry());
    Map<String, PortSpec.Range> ranges = ranges(r);
    if (r.problemCount() > before) {
      return d;
    }
    return new RegistryConfig(host, port, portserver, lease, node, retry, ranges);
  }

  private static RegistryConfig.Lifetimes lifetimes(Section s, RegistryConfig.Lifetimes fallback) {
    int before = s.problemCount();
    var ttl = s.duration(RegistryConfig.Lifetimes.TTL, fallback.ttl());
    var max = s.duration(RegistryConfig.Lifetimes.MAX_TTL, fallback.maxTtl());
    var reap = s.duration(RegistryConfig.Lifetimes.REAP, fallback.reapInterval());
    if (s.problemCount() > before) {
      return fallback;
    }
    if (ttl.compareTo(max) > 0) {
      s.problem(
          "ttl",
          "must be <= max_ttl (" + Durations.format(ttl) + " > " + Durations.format(max) + ")");
      return fallback;
    }
    return new RegistryConfig.Lifetimes(ttl, max, reap);
  }

  private static RegistryConfig.RetryPolicy retry(Section s, RegistryConfig.RetryPolicy fallback) {
    int before = s.problemCount();
    int attempts = s.integer(RegistryConfig.RetryPolicy.ATTEMPTS, fallback.attempts());
    var backoff = s.duration(RegistryConfig.RetryPolicy.BACKOFF, fallback.backoff());
    var max = s.duration(RegistryConfig.RetryPolicy.MAX_BACKOFF, fallback.maxBackoff());
    if (s.problemCount() > before) {
      return fallback;
    }
    return new RegistryConfig.RetryPolicy(attempts, backoff, max);
  }

  /** Each key is a purpose; each value a range {@code FROM-TO}. Fixed ports make no pool. */
  private static Map<String, PortSpec.Range> ranges(Section r) {
    Map<String, PortSpec.Range> out = new LinkedHashMap<>();
    JsonNode v = r.value("ranges");
    if (v == null) {
      return out;
    }
    if (!v.isObject()) {
      r.problem(
          "ranges",
          "must map a purpose to a port range, like telemetry: 40000-40999 (was "
              + Section.shown(v)
              + ")");
      return out;
    }
    for (var e : v.properties()) {
      String key = "ranges." + e.getKey();
      JsonNode range = e.getValue();
      if (!range.isTextual()) {
        r.problem(key, "must be a port range like 40000-40999 (was " + Section.shown(range) + ")");
        continue;
      }
      try {
        if (PortSpec.parse(range.textValue()) instanceof PortSpec.Range pr) {
          out.put(e.getKey(), pr);
        } else {
          r.problem(key, "must be a range FROM-TO (was '" + range.textValue() + "')");
        }
      } catch (IllegalArgumentException ex) {
        r.problem(key, ex.getMessage());
      }
    }
    return out;
  }
}
