package io.onex.bus.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.transport.sched.Chrt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * When the idle strategy blocks: after 64 idle passes under SCHED_BATCH, after 64 spins and 8
 * yields under the default policy, on a real thread whose policy util-linux's {@code chrt} set.
 */
class PollIdleStrategyTest {
  @Test
  void underSchedBatchALoopBlocksRightAfterItsSpins() throws Exception {
    assertThat(idlePassesBeforeFirstBlock("--batch")).isEqualTo(65);
  }

  @Test
  void underTheDefaultPolicyALoopYieldsEightTimesBeforeItBlocks() throws Exception {
    assertThat(idlePassesBeforeFirstBlock("--other")).isEqualTo(73);
  }

  @Test
  void workResetsTheCount() {
    AtomicInteger blocks = new AtomicInteger();
    PollIdleStrategy idle = new PollIdleStrategy(ms -> blocks.incrementAndGet(), 5);
    for (int i = 0; i < 60; i++) {
      idle.idle(0);
    }
    idle.idle(1);
    for (int i = 0; i < 60; i++) {
      idle.idle(0);
    }
    assertThat(blocks).hasValue(0);
  }

  /** On a fresh thread with the given policy: the idle pass at which the loop first blocks. */
  private static int idlePassesBeforeFirstBlock(String policyFlag) throws Exception {
    List<Integer> result = new ArrayList<>();
    List<Throwable> failure = new ArrayList<>();
    Thread loop =
        new Thread(
            () -> {
              try {
                Chrt.set(policyFlag, Chrt.callerTid());
                AtomicInteger passes = new AtomicInteger();
                AtomicInteger firstBlock = new AtomicInteger();
                PollIdleStrategy idle =
                    new PollIdleStrategy(ms -> firstBlock.compareAndSet(0, passes.get()), 5);
                while (firstBlock.get() == 0) {
                  passes.incrementAndGet();
                  idle.idle(0);
                }
                result.add(firstBlock.get());
              } catch (Exception | AssertionError e) {
                failure.add(e);
              }
            },
            "idle-strategy-test-loop");
    loop.start();
    loop.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(failure).isEmpty();
    return result.get(0);
  }
}
