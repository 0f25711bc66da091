package io.onex.bus.cli.commands;

import ch.qos.logback.classic.LoggerContext;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Keeps a long-running command ({@code up}, {@code registry start}, {@code bus start}) alive until
 * SIGINT or SIGTERM, then runs its orderly stop on the main thread and exits 0. The JVM's
 * shutdown-hook thread only hands the stop over and waits for it.
 */
final class UntilStopped {
  private UntilStopped() {}

  /**
   * Blocks the main thread until a signal, then runs {@code stop} on it.
   *
   * @param stopBudget how long the stop may take before the process ends anyway
   */
  static int await(Runnable stop, Duration stopBudget) throws InterruptedException {
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> handOver(stopRequested, stopped, stopBudget), "onex-shutdown"));
    stopRequested.await();
    stop.run();
    stopped.countDown();
    return 0;
  }

  /**
   * {@code halt} is needed because a signalled JVM otherwise exits 143, and a supervisor must see a
   * clean stop as 0.
   */
  private static void handOver(
      CountDownLatch stopRequested, CountDownLatch stopped, Duration budget) {
    stopRequested.countDown();
    try {
      stopped.await(budget.toMillis() + 15_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.out.flush();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext lc) {
      lc.stop();
    }
    System.err.flush();
    Runtime.getRuntime().halt(0);
  }
}
