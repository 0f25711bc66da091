package io.onex.bus.transport.sched;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Test helper: the calling thread's kernel id, and util-linux's {@code chrt} run on a thread. */
public final class Chrt {
  private Chrt() {}

  /** The kernel's id of the calling thread, from the {@code /proc/thread-self} link. */
  public static long callerTid() throws IOException {
    String link = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString();
    return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
  }

  /** Sets thread {@code tid}'s policy: {@code --batch} or {@code --other}; fails if chrt does. */
  public static void set(String policyFlag, long tid) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("chrt", policyFlag, "--pid", "0", Long.toString(tid))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("chrt " + policyFlag + " failed: " + out);
    }
  }
}
