package io.onex.bus.client;

import java.time.Duration;
import java.util.Objects;

/**
 * What a publish does while the bus announces backpressure for its topic (or for the whole bus):
 * {@link #block} waits up to a deadline for it to clear, {@link #drop} gives the event up at once,
 * {@link #retry} waits a bounded number of backoff steps (logging EVENT_RETRY, then
 * EVENT_RETRY_LIMIT_EXCEEDED), {@link #log} logs and sends anyway. The default of a client is
 * {@code block} for its publish timeout. An event given up completes {@link
 * PublishResult.Status#NOT_SENT} with a message that starts with {@code backpressure}. Immutable;
 * any thread.
 *
 * @param kind what to do
 * @param delay BLOCK: the deadline; RETRY: the first backoff (it doubles)
 * @param retries RETRY: how many times to wait before giving up
 */
public record BackpressurePolicy(Kind kind, Duration delay, int retries) {
  /** The four behaviours. */
  public enum Kind {
    BLOCK,
    DROP,
    RETRY,
    LOG
  }

  /** Checks the fields. */
  public BackpressurePolicy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || retries < 0) {
      throw new IllegalArgumentException("delay and retries must not be negative");
    }
  }

  /** Wait up to {@code deadline} for backpressure to clear, then give up. */
  public static BackpressurePolicy block(Duration deadline) {
    return new BackpressurePolicy(Kind.BLOCK, deadline, 0);
  }

  /** Give the event up at once. */
  public static BackpressurePolicy drop() {
    return new BackpressurePolicy(Kind.DROP, Duration.ZERO, 0);
  }

  /** Wait {@code backoff}, doubling, up to {@code retries} times; then give up. */
  public static BackpressurePolicy retry(int retries, Duration backoff) {
    return new BackpressurePolicy(Kind.RETRY, backoff, retries);
  }

  /** Log (rate-limited) and send anyway. */
  public static BackpressurePolicy log() {
    return new BackpressurePolicy(Kind.LOG, Duration.ZERO, 0);
  }
}
