package io.onex.bus.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The text forms read back what they print. */
class DurationsPropertyTest {

  @Property
  void formatThenParseIsIdentity(@ForAll @LongRange(min = 1, max = 86_400_000L) long millis) {
    Duration d = Duration.ofMillis(millis);

    assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
  }

  @Property
  void formatUsesTheLargestExactUnit(@ForAll @IntRange(min = 1, max = 24) int hours) {
    assertThat(Durations.format(Duration.ofHours(hours))).isEqualTo(hours + "h");
    assertThat(Durations.format(Duration.ofMinutes(hours * 60L + 1))).endsWith("m");
  }

  @Property
  void portRangesReadBackWhatTheyPrint(
      @ForAll @IntRange(min = 1, max = 65535) int a,
      @ForAll @IntRange(min = 1, max = 65535) int b) {
    PortSpec r = PortSpec.range(Math.min(a, b), Math.max(a, b));

    assertThat(PortSpec.parse(r.text())).isEqualTo(r);
  }
}
