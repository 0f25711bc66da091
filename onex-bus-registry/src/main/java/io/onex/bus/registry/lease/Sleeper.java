package io.onex.bus.registry.lease;

import java.time.Duration;

/**
 * Waits between retries. Production sleeps; tests record the waits and return at once, so backoff
 * is asserted without timing. Implementations say which threads may call them.
 */
@FunctionalInterface
public interface Sleeper {
  /** The real thing: {@link Thread#sleep}. */
  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  /** Waits {@code d}. */
  void sleep(Duration d) throws InterruptedException;
}
