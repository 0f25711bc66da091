package io.onex.bus.transport.sched;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Linux scheduling policy of the calling thread, read from {@code /proc/thread-self/stat}
 * (field 41, {@code policy}). Loops use it to pick an idle strategy that suits how the kernel will
 * treat their wake-ups. Any thread may call it; it reads the file on each call.
 */
public final class ThreadPolicy {
  /** {@code SCHED_BATCH} in {@code <sched.h>}. */
  public static final int SCHED_BATCH = 3;

  private static final Path SELF_STAT = Path.of("/proc/thread-self/stat");

  /** The 1-based index of {@code policy} in {@code proc(5)}'s list of stat fields. */
  private static final int POLICY_FIELD = 41;

  private ThreadPolicy() {}

  /**
   * True when the calling thread runs under {@code SCHED_BATCH}; false under any other policy and
   * where the policy cannot be read (not Linux, no {@code /proc}).
   */
  public static boolean callerIsBatch() {
    return policyOfCaller() == SCHED_BATCH;
  }

  /**
   * How many threads of this process are not under {@code SCHED_BATCH}; -1 where {@code /proc}
   * cannot be read.
   */
  public static long threadsNotBatchInThisProcess() {
    try {
      return threadPolicies(ProcessHandle.current().pid()).values().stream()
          .filter(policy -> policy != SCHED_BATCH)
          .count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Every thread of process {@code pid}, keyed {@code name/tid}, with its policy number, from
   * {@code /proc/<pid>/task}; threads that end while the list is read are left out.
   *
   * @throws IOException if the process's thread list cannot be read
   */
  public static Map<String, Integer> threadPolicies(long pid) throws IOException {
    Map<String, Integer> byThread = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).trim();
          String stat = Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII);
          byThread.put(name + "/" + task.getFileName(), parsePolicy(stat));
        } catch (NoSuchFileException e) {
          // the thread ended while the list was read
        }
      }
    }
    return byThread;
  }

  /** The calling thread's policy number, or -1 where it cannot be read. */
  static int policyOfCaller() {
    try {
      return parsePolicy(Files.readString(SELF_STAT, StandardCharsets.US_ASCII));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The policy field of a {@code /proc/<pid>/task/<tid>/stat} line, or -1 if the line is too short.
   * The second field is the thread's name in parentheses and may itself hold spaces and
   * parentheses, so counting starts after the last {@code ')'}.
   */
  public static int parsePolicy(String statLine) {
    int nameEnd = statLine.lastIndexOf(')');
    if (nameEnd < 0) {
      return -1;
    }
    String[] rest = statLine.substring(nameEnd + 1).trim().split(" +");
    int index = POLICY_FIELD - 3; // rest starts at field 3 (state)
    return index < rest.length ? Integer.parseInt(rest[index]) : -1;
  }
}
