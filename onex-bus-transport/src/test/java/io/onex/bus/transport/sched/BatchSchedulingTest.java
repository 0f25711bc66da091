package io.onex.bus.transport.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Putting a whole process under SCHED_BATCH, in a separate JVM (so this one's threads keep their
 * policy): afterwards every thread the JVM has is batch, and so is a thread started later; where
 * {@code chrt} cannot be found the outcome says so and the process goes on unchanged.
 */
class BatchSchedulingTest {
  @Test
  void everyThreadOfTheProcessAndEveryLaterThreadIsBatch() throws Exception {
    List<String> lines = runProbe(false);
    assertThat(lines)
        .contains("applied=true", "laterThreadBatch=true", "threadsNotBatch=0")
        .anyMatch(l -> l.startsWith("detail=SCHED_BATCH for all threads of process "));
  }

  @Test
  void withoutChrtTheOutcomeSaysWhyAndNothingChanges() throws Exception {
    List<String> lines = runProbe(true);
    assertThat(lines)
        .contains("applied=false", "laterThreadBatch=false")
        .anyMatch(l -> l.startsWith("detail=chrt could not be run: "))
        .noneMatch(l -> l.equals("threadsNotBatch=0"));
  }

  /** Runs {@link BatchSchedulingProbe} in its own JVM, with no PATH if asked; its output lines. */
  private static List<String> runProbe(boolean withoutPath) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                BatchSchedulingProbe.class.getName())
            .redirectErrorStream(true);
    if (withoutPath) {
      pb.environment().put("PATH", "/nonexistent");
    }
    Process p = pb.start();
    List<String> lines =
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("probe output %s", lines).isZero();
    return lines;
  }
}
