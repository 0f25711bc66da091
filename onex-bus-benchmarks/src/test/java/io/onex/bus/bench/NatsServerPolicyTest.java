package io.onex.bus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.transport.sched.ThreadPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer keeps the kernel's default policy: a {@code nats-server} the harness starts from a
 * thread under SCHED_BATCH (as {@code onex bench} runs) does not inherit it.
 */
class NatsServerPolicyTest {
  @TempDir Path portsDir;

  @Test
  void aServerStartedFromABatchThreadRunsUnderTheDefaultPolicy() throws Exception {
    String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    assertThat(chrt("--batch", tid)).isZero();
    try {
      assertThat(ThreadPolicy.callerIsBatch()).isTrue();
      try (NatsServer server = NatsServer.startPrivate(portsDir)) {
        String stat = Files.readString(Path.of("/proc", Long.toString(server.pid()), "stat"));
        assertThat(stat).contains("(nats-server)");
        assertThat(ThreadPolicy.parsePolicy(stat)).isZero(); // SCHED_OTHER
      }
    } finally {
      assertThat(chrt("--other", tid)).isZero();
    }
  }

  private static int chrt(String policy, String tid) throws Exception {
    return new ProcessBuilder("chrt", policy, "--pid", "0", tid).inheritIO().start().waitFor();
  }
}
