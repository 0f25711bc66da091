package io.onex.bus.transport.sched;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts every thread of this process under Linux's {@code SCHED_BATCH} policy, once, at the start of
 * a process that runs brokers or benchmarks. Threads created afterwards inherit the policy from the
 * thread that starts them.
 *
 * <p>Why: JeroMQ 0.6.0 signals a command to another thread by writing a byte to a pipe and only
 * then counting it. If the kernel switches the writer out between the two, the woken JeroMQ I/O
 * thread finds a byte it may not consume and polls it again and again until the writer runs
 * (docs/performance.md, "SCHED_BATCH"). Under the default policy a thread woken by a pipe write is
 * placed on the writer's CPU and preempts it right there, so that window is hit often and each hit
 * stalls every event behind it for up to a scheduler tick. {@code SCHED_BATCH} threads do not
 * preempt on wake-up; the writer finishes its step and the woken thread runs when the writer blocks
 * or on another CPU. The policy is the kernel's hint for throughput-oriented threads; it needs no
 * privilege and leaves priorities (nice values) alone.
 *
 * <p>The policy is set by util-linux's {@code chrt}, which is part of every Debian system; Java has
 * no API for it. Called from the process's main thread before it starts its own threads.
 */
public final class BatchScheduling {
  private static final long CHRT_TIMEOUT_SECONDS = 10;
  private static final int ATTEMPTS = 2;

  /** What {@link #applyToThisProcess} did. */
  public record Outcome(boolean applied, String detail) {}

  private BatchScheduling() {}

  /**
   * Runs {@code chrt --batch --all-tasks --pid 0 <this pid>}, then checks that every thread of the
   * process is batch; a thread started while {@code chrt} walked the list by one it had not reached
   * yet can be missed, so it runs once more in that case. Never throws: a missing {@code chrt}, a
   * refusal or a non-Linux system give an outcome with {@code applied == false} and the reason.
   */
  public static Outcome applyToThisProcess() {
    long pid = ProcessHandle.current().pid();
    long missed = 0;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String failure = runChrt(pid);
      if (failure != null) {
        return new Outcome(false, failure);
      }
      missed = ThreadPolicy.threadsNotBatchInThisProcess();
      if (missed < 0) {
        return new Outcome(false, "chrt succeeded but /proc/self/task could not be read");
      }
      if (missed == 0) {
        return new Outcome(true, "SCHED_BATCH for all threads of process " + pid);
      }
    }
    return new Outcome(false, "chrt succeeded but " + missed + " threads are not SCHED_BATCH");
  }

  /** Runs chrt on the whole process; null on success, else why it failed. */
  private static String runChrt(long pid) {
    List<String> command =
        List.of("chrt", "--batch", "--all-tasks", "--pid", "0", Long.toString(pid));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output;
      try (InputStream in = p.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (!p.waitFor(CHRT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "chrt did not finish within " + CHRT_TIMEOUT_SECONDS + " s";
      }
      return p.exitValue() == 0 ? null : "chrt exited with " + p.exitValue() + ": " + output;
    } catch (IOException e) {
      return "chrt could not be run: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while chrt ran";
    }
  }
}
