package io.onex.bus.client.internal;

import io.onex.bus.protocol.codec.Frame;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bus's backpressure announcements as this client last heard them: on for the whole bus, or for
 * some topics. The I/O thread updates it; publishing threads read it, and may wait for it to clear.
 */
public final class BackpressureSignal {
  private final Set<String> topics = ConcurrentHashMap.newKeySet();
  private volatile boolean bus;
  // bus || !topics.isEmpty(), kept by the I/O thread: publishers read one volatile field while the
  // bus announces nothing (ConcurrentHashMap.isEmpty sums its counter cells on every call).
  private volatile boolean any;

  /** I/O thread: a BACKPRESSURE frame arrived. */
  public void update(Frame.Backpressure f) {
    if (f.scope().isEmpty()) {
      bus = f.on();
    } else if (f.on()) {
      topics.add(f.scope());
    } else {
      topics.remove(f.scope());
    }
    any = bus || !topics.isEmpty();
    if (!f.on()) {
      synchronized (this) {
        notifyAll();
      }
    }
  }

  /** I/O thread: a new session starts with no backpressure (the broker will announce again). */
  public void reset() {
    bus = false;
    topics.clear();
    any = false;
    synchronized (this) {
      notifyAll();
    }
  }

  /** Whether publishing on {@code topic} is under backpressure now. */
  public boolean isOn(String topic) {
    return any && (bus || topics.contains(topic));
  }

  /** Waits up to {@code max} for backpressure on {@code topic} to clear; true when it did. */
  public boolean awaitClear(String topic, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (this) {
      while (isOn(topic)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }
    return true;
  }
}
