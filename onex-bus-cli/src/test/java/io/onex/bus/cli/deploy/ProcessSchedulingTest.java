package io.onex.bus.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onex.bus.cli.CliException;
import org.junit.jupiter.api.Test;

/** What {@code ONEX_SCHED_POLICY} accepts, and the clear error for anything else. */
class ProcessSchedulingTest {
  @Test
  void unsetOrBlankMeansBatchAndTheNamesAreCaseInsensitive() {
    assertThat(ProcessScheduling.parse(null)).isEqualTo(ProcessScheduling.Policy.BATCH);
    assertThat(ProcessScheduling.parse("  ")).isEqualTo(ProcessScheduling.Policy.BATCH);
    assertThat(ProcessScheduling.parse("Batch")).isEqualTo(ProcessScheduling.Policy.BATCH);
    assertThat(ProcessScheduling.parse(" default ")).isEqualTo(ProcessScheduling.Policy.DEFAULT);
  }

  @Test
  void anUnknownPolicyIsAUsageErrorNamingTheVariableAndTheValue() {
    assertThatThrownBy(() -> ProcessScheduling.parse("fifo"))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessage("ONEX_SCHED_POLICY must be 'batch' or 'default', was 'fifo'");
  }
}
