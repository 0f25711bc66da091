package io.onex.bus.transport;

import java.util.function.LongConsumer;
import org.agrona.concurrent.IdleStrategy;

/**
 * Agrona idle strategy for a loop whose only way to wait is a ZeroMQ poll: after a loop pass that
 * did no work it spins briefly (cheap latency under load), then yields, then blocks in the loop's
 * own poll for at most {@code maxBlockMillis} (so timers still run). Used by exactly one loop
 * thread.
 */
public final class PollIdleStrategy implements IdleStrategy {
  private static final int SPINS = 64;
  private static final int YIELDS = 8;

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
    idleCount++;
    if (idleCount <= SPINS) {
      Thread.onSpinWait();
    } else if (idleCount <= SPINS + YIELDS) {
      Thread.yield();
    } else {
      blockingPoll.accept(maxBlockMillis);
    }
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
