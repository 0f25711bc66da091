package io.onex.bus.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The registry node's settings (the {@code registry} key of {@code onex.yaml}): where its ZeroMQ
 * endpoint listens, the port server to ask, lease and node lifetimes, the retry policy for lost
 * port races, and the port range each purpose may lease from. Immutable; any thread.
 *
 * @param host bind address of the registry socket, and the host whose ports it leases
 * @param port 0 for an ephemeral port (read back after bind), else the well-known port
 * @param portserver the portpicker port server's address (a path, or {@code @name} for Linux's
 *     abstract namespace); null to use {@code PORTSERVER_ADDRESS} from the environment
 * @param lease lease lifetimes
 * @param node node registration lifetimes
 * @param retry how a lost port race is retried
 * @param ranges purpose (or node type) to the ports it may lease, in the order written
 */
public record RegistryConfig(
    String host,
    int port,
    String portserver,
    Lifetimes lease,
    Lifetimes node,
    RetryPolicy retry,
    Map<String, PortSpec.Range> ranges) {
  static final IntRange PORT = new IntRange("port", 0, PortSpec.MAX_PORT);

  /** What {@code onex up} uses when the config has no {@code registry} key. */
  public static final RegistryConfig DEFAULT =
      new RegistryConfig(
          "127.0.0.1",
          0,
          null,
          Lifetimes.LEASE_DEFAULT,
          Lifetimes.NODE_DEFAULT,
          RetryPolicy.DEFAULT,
          Map.of());

  /** Validates and copies; the message names the field. */
  public RegistryConfig {
    Hosts.require("host", host, false);
    PORT.require(port);
    if (portserver != null && portserver.isBlank()) {
      throw new IllegalArgumentException("portserver must not be empty");
    }
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(retry, "retry");
    ranges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ranges));
  }

  /** The range {@code purpose} may lease from, or null when any port will do. */
  public PortSpec.Range rangeFor(String purpose) {
    return ranges.get(purpose);
  }

  /**
   * How long a lease or registration lives without a heartbeat when the request names no TTL, and
   * the longest TTL a request may ask for. Immutable; any thread.
   *
   * @param ttl the default TTL
   * @param maxTtl the longest TTL accepted
   * @param reapInterval how often expired entries are looked for
   */
  public record Lifetimes(Duration ttl, Duration maxTtl, Duration reapInterval) {
    static final DurationRange TTL = new DurationRange("ttl", DurationRange.DAY);
    static final DurationRange MAX_TTL = new DurationRange("max_ttl", Duration.ofDays(365));
    static final DurationRange REAP = new DurationRange("reap_interval", Duration.ofMinutes(10));
    static final Lifetimes LEASE_DEFAULT =
        new Lifetimes(Duration.ofSeconds(30), Duration.ofHours(24), Duration.ofSeconds(1));
    static final Lifetimes NODE_DEFAULT =
        new Lifetimes(Duration.ofSeconds(30), Duration.ofHours(24), Duration.ofSeconds(1));

    /** Validates the bounds; the default TTL may not exceed the maximum. */
    public Lifetimes {
      TTL.require(ttl);
      MAX_TTL.require(maxTtl);
      REAP.require(reapInterval);
      if (ttl.compareTo(maxTtl) > 0) {
        throw new IllegalArgumentException(
            "ttl must be <= max_ttl ("
                + Durations.format(ttl)
                + " > "
                + Durations.format(maxTtl)
                + ")");
      }
    }
  }

  /**
   * Exponential backoff for a lost port race or a reported bind failure: wait {@code backoff}, then
   * twice that, up to {@code maxBackoff}, for at most {@code attempts} tries in all. Immutable; any
   * thread.
   */
  public record RetryPolicy(int attempts, Duration backoff, Duration maxBackoff) {
    static final IntRange ATTEMPTS = new IntRange("attempts", 1, 100);
    static final DurationRange BACKOFF = new DurationRange("backoff", Duration.ofMinutes(1));
    static final DurationRange MAX_BACKOFF =
        new DurationRange("max_backoff", Duration.ofMinutes(10));
    static final RetryPolicy DEFAULT =
        new RetryPolicy(5, Duration.ofMillis(10), Duration.ofSeconds(1));

    /** Validates the bounds. */
    public RetryPolicy {
      ATTEMPTS.require(attempts);
      BACKOFF.require(backoff);
      MAX_BACKOFF.require(maxBackoff);
    }

    /** The wait before try {@code attempt} (2 is the first retry): doubling, capped. */
    public Duration backoffBefore(int attempt) {
      Duration d = backoff;
      for (int i = 2; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
        d = d.multipliedBy(2);
      }
      return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
  }
}
