package io.onex.bus.registry.ports;

import io.onex.bus.config.PortSpec;
import io.onex.bus.transport.RateLimitedLog;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks ports through the portpicker port server, so that the registry and everything else on a
 * shared host that uses the server never pick the same port.
 *
 * <p>The server gives each port to the registry's pid until the registry exits; it cannot take one
 * back earlier. So ports given back to this picker go to a spare pool of its own, which is used
 * before asking the server again (after a fresh check that the port is still free and unleased).
 * Ports the server hands out that do not fit a request (outside the range, or leased) go to the
 * spare pool too, and the server is asked again, a bounded number of times.
 *
 * <p>When the server is down, slow, out of ports or answers garbage, or none of its ports fit, the
 * request is served by a {@link LocalPortPicker} instead, so the registry keeps leasing ports
 * without the server. Such fallbacks are counted and logged as a WARN at most once per {@value
 * #WARN_INTERVAL_SECONDS} s.
 *
 * <p>Any thread, concurrently. Server requests run without holding a lock.
 */
public final class PortServerPicker implements PortPicker {
  /** Ports asked for in one pick before giving up on the server for that pick. */
  static final int MAX_ASKS = 32;

  static final int WARN_INTERVAL_SECONDS = 10;

  private static final Logger log = LoggerFactory.getLogger(PortServerPicker.class);

  private final PortServerClient client;
  private final LocalPortPicker fallback;
  private final long pid;
  private final RateLimitedLog warnings = new RateLimitedLog(1, WARN_INTERVAL_SECONDS * 1000L);
  private final LongSupplier nanoTime;
  private final Object lock = new Object();
  private final LinkedHashSet<Integer> spare = new LinkedHashSet<>(); // oldest first; lock
  private final Set<Integer> fromServer = ConcurrentHashMap.newKeySet(); // ever held by our pid
  private final AtomicLong fallbacks = new AtomicLong();
  private final AtomicLong serverErrors = new AtomicLong();

  /** Asks on behalf of this process; falls back to a randomly seeded {@link LocalPortPicker}. */
  public PortServerPicker(PortServerClient client) {
    this(client, new LocalPortPicker(), ProcessHandle.current().pid(), System::nanoTime);
  }

  /** Tests: a chosen fallback, pid and clock for the warning throttle. */
  PortServerPicker(
      PortServerClient client, LocalPortPicker fallback, long pid, LongSupplier nanoTime) {
    this.client = Objects.requireNonNull(client, "client");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
    this.pid = pid;
    this.nanoTime = nanoTime;
  }

  @Override
  public int pick(PortSpec.Range range, IntPredicate leased) throws NoFreePortException {
    Objects.requireNonNull(leased, "leased");
    int port = takeSpare(range, leased);
    if (port != 0) {
      return port;
    }
    for (int i = 0; i < MAX_ASKS; i++) {
      try {
        port = client.requestPort(pid);
      } catch (PortServerException e) {
        serverErrors.incrementAndGet();
        return fallBack(range, leased, e.getMessage());
      }
      fromServer.add(port);
      // A leased port can come back from a server that restarted and forgot what it gave us.
      boolean fits = (range == null || range.contains(port)) && !leased.test(port);
      synchronized (lock) {
        if (fits) {
          spare.remove(port);
          return port;
        }
        spare.add(port);
      }
    }
    return fallBack(
        range,
        leased,
        "port server at "
            + client.address()
            + " gave "
            + MAX_ASKS
            + " ports in a row that are leased or outside "
            + (range == null ? "any range" : range.text())
            + " (kept as spares)");
  }

  /**
   * Ports the server gave are kept as spares, since the server would not take them back before the
   * registry exits; others go back to the local fallback picker.
   */
  @Override
  public void giveBack(int port) {
    if (fromServer.contains(port)) {
      synchronized (lock) {
        spare.add(port);
      }
    }
    fallback.giveBack(port);
  }

  /** The port server's address: a socket path or {@code @name}. */
  public String address() {
    return client.address();
  }

  /** Picks served by the local fallback picker, for whatever reason. */
  @Override
  public long fallbacks() {
    return fallbacks.get();
  }

  /** Requests to the server that failed: unreachable, too slow, no port, or garbage. */
  public long serverErrors() {
    return serverErrors.get();
  }

  /** Ports the server gave this process that are not handed out now. */
  public int spares() {
    synchronized (lock) {
      return spare.size();
    }
  }

  /** The first spare that fits and is still free, removed from the pool; else 0. */
  private int takeSpare(PortSpec.Range range, IntPredicate leased) {
    synchronized (lock) {
      for (Iterator<Integer> it = spare.iterator(); it.hasNext(); ) {
        int port = it.next();
        if ((range == null || range.contains(port))
            && !leased.test(port)
            && PortProbe.isFree(port)) {
          it.remove();
          return port;
        }
      }
      return 0;
    }
  }

  private int fallBack(PortSpec.Range range, IntPredicate leased, String reason)
      throws NoFreePortException {
    fallbacks.incrementAndGet();
    boolean logNow;
    synchronized (warnings) {
      logNow =
          warnings.tryAcquire(
              nanoTime.getAsLong() / 1_000_000,
              held -> log.warn("{} more port server warnings were held back", held));
    }
    if (logNow) {
      log.warn("{}; picking a port locally instead", reason);
    }
    // Spares belong to our pid at the server: keeping them out of local picks keeps giveBack's
    // routing unambiguous.
    return fallback.pick(range, port -> leased.test(port) || fromServer.contains(port));
  }

  @Override
  public String toString() {
    return "PortServerPicker[" + address() + "]";
  }
}
