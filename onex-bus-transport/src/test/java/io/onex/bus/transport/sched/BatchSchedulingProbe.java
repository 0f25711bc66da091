package io.onex.bus.transport.sched;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

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
    System.out.println("threadsNotBatch=" + threadsNotBatch());
  }

  private static long threadsNotBatch() throws IOException {
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks
          .map(
              t -> {
                try {
                  return ThreadPolicy.parsePolicy(
                      Files.readString(t.resolve("stat"), StandardCharsets.US_ASCII));
                } catch (IOException e) {
                  return ThreadPolicy.SCHED_BATCH; // the thread ended while we looked
                }
              })
          .filter(p -> p != ThreadPolicy.SCHED_BATCH)
          .count();
    }
  }
}
