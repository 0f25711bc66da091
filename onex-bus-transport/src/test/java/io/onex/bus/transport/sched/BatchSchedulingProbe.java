package io.onex.bus.transport.sched;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Run as its own JVM by {@link BatchSchedulingTest}: applies SCHED_BATCH to its process, then
 * prints the outcome, whether a thread started afterwards is batch, and how many of the process's
 * threads are not.
 */
public final class BatchSchedulingProbe {
  private BatchSchedulingProbe() {}

  public static void main(String[] args) throws Exception {
    BatchScheduling.Outcome outcome = BatchScheduling.applyToThisProcess();
    System.out.println("applied=" + outcome.applied());
    System.out.println("detail=" + outcome.detail());
    AtomicBoolean later = new AtomicBoolean();
    Thread t = new Thread(() -> later.set(ThreadPolicy.callerIsBatch()), "probe-later");
    t.start();
    t.join();
    System.out.println("laterThreadBatch=" + later.get());
    System.out.println("threadsNotBatch=" + ThreadPolicy.threadsNotBatchInThisProcess());
  }
}
