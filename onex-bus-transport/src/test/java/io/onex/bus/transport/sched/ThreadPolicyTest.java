package io.onex.bus.transport.sched;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The calling thread's policy as the kernel reports it: a thread moved to SCHED_BATCH and back by
 * util-linux's {@code chrt} reads as batch and then as not batch.
 */
class ThreadPolicyTest {
  @Test
  void readsThePolicyTheKernelGaveTheCallingThread() throws Exception {
    long tid = Chrt.callerTid();
    int before = ThreadPolicy.policyOfCaller();
    try {
      Chrt.set("--batch", tid);
      assertThat(ThreadPolicy.callerIsBatch()).isTrue();
      assertThat(ThreadPolicy.policyOfCaller()).isEqualTo(ThreadPolicy.SCHED_BATCH);
      Chrt.set("--other", tid);
      assertThat(ThreadPolicy.callerIsBatch()).isFalse();
      assertThat(ThreadPolicy.policyOfCaller()).isZero(); // SCHED_OTHER
    } finally {
      Chrt.set(before == ThreadPolicy.SCHED_BATCH ? "--batch" : "--other", tid);
    }
  }

  @Test
  void countsFieldsAfterTheLastParenthesisOfTheThreadName() {
    StringBuilder line = new StringBuilder("4242 (odd) name (x)) S");
    for (int field = 4; field <= 52; field++) {
      line.append(' ').append(field == 41 ? 3 : field);
    }
    assertThat(ThreadPolicy.parsePolicy(line.toString())).isEqualTo(3);
    assertThat(ThreadPolicy.parsePolicy("4242 (short) S 1 2 3")).isEqualTo(-1);
    assertThat(ThreadPolicy.parsePolicy("no name at all")).isEqualTo(-1);
  }
}
