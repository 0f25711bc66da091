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

  /** What {@link #applyToThisProcess} did. */
  public record Outcome(boolean applied, String detail) {}

  private BatchScheduling() {}

  /**
   * Runs {@code chrt --batch --all-tasks --pid 0 <this pid>} and then checks the calling thread's
   * policy. Never throws: a missing {@code chrt}, a refusal or a non-Linux system give an outcome
   * with {@code applied == false} and the reason.
   */
  public static Outcome applyToThisProcess() {
    long pid = ProcessHandle.current().pid();
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
        return new Outcome(false, "chrt did not finish within " + CHRT_TIMEOUT_SECONDS + " s");
      }
      if (p.exitValue() != 0) {
        return new Outcome(false, "chrt exited with " + p.exitValue() + ": " + output);
      }
    } catch (IOException e) {
      return new Outcome(false, "chrt could not be run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, "interrupted while chrt ran");
    }
    return ThreadPolicy.callerIsBatch()
        ? new Outcome(true, "SCHED_BATCH for all threads of process " + pid)
        : new Outcome(false, "chrt succeeded but this thread's policy is not SCHED_BATCH");
  }
}
