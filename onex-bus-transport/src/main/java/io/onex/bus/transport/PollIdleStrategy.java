package io.onex.bus.transport;

import io.onex.bus.transport.sched.ThreadPolicy;
import java.util.function.LongConsumer;
import org.agrona.concurrent.IdleStrategy;

/**
 * Agrona idle strategy for a loop whose only way to wait is a ZeroMQ poll: after a loop pass that
 * did no work it spins briefly (cheap latency under load), then, under the default scheduling
 * policy only, yields a few times, then blocks in the loop's own poll for at most {@code
 * maxBlockMillis} (so timers still run). Used by exactly one loop thread.
 *
 * <p>The yields help where a thread woken by the loop may preempt it (the default policy): they
 * hand the CPU back to a JeroMQ I/O thread that was switched out in the middle of signalling. Under
 * {@code SCHED_BATCH} ({@link io.onex.bus.transport.sched.BatchScheduling}) nothing preempts on
 * wake-up, and a loop that keeps yielding only keeps its CPU looking busy, so that the threads it
 * wakes are placed beside it instead of on an idle CPU: measured, the yields then cost throughput
 * and tail latency (docs/performance.md). The policy is read once, on the loop thread, at its first
 * idle pass.
 */
public final class PollIdleStrategy implements IdleStrategy {
  private static final int SPINS = 64;
  private static final int YIELDS_UNDER_DEFAULT_POLICY = 8;

  /** Unknown until the loop thread first idles: then 0 under SCHED_BATCH, else 8. */
  private int yields = -1;

  private final LongConsumer blockingPoll;
  private final long maxBlockMillis;
  private int idleCount;

  /**
   * @param blockingPoll waits up to the given milliseconds for socket input or a wake-up
   * @param maxBlockMillis the longest single wait, which bounds timer latency
   */
  public PollIdleStrategy(LongConsumer blockingPoll, long maxBlockMillis) {
    this.blockingPoll = blockingPoll;
    this.maxBlockMillis = maxBlockMillis;
  }

  @Override
  public void idle(int workCount) {
    if (workCount > 0) {
      idleCount = 0;
    } else {
      idle();
    }
  }

  @Override
  public void idle() {
    if (yields < 0) {
      yields = yieldsFor(ThreadPolicy.callerIsBatch());
    }
    idleCount++;
    if (idleCount <= SPINS) {
      Thread.onSpinWait();
    } else if (idleCount <= SPINS + yields) {
      Thread.yield();
    } else {
      blockingPoll.accept(maxBlockMillis);
    }
  }

  /** How many times a loop yields before it blocks, given its thread's policy. */
  static int yieldsFor(boolean batchPolicy) {
    return batchPolicy ? 0 : YIELDS_UNDER_DEFAULT_POLICY;
  }

  @Override
  public void reset() {
    idleCount = 0;
  }

  @Override
  public String alias() {
    return "zmq-poll";
  }
}
