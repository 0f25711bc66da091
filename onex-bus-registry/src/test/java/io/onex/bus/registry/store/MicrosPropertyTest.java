package io.onex.bus.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * Stored timestamps keep every microsecond and keep order, which the expiry query relies on: it
 * compares the stored integers, not instants.
 */
class MicrosPropertyTest {
  // Whole seconds whose microseconds still fit a long.
  private static final long MAX_SECONDS = Long.MAX_VALUE / 1_000_000L - 1;

  @Property
  void readsBackTheInstantCutToMicroseconds(
      @ForAll @LongRange(min = -MAX_SECONDS, max = MAX_SECONDS) long seconds,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
    Instant i = Instant.ofEpochSecond(seconds, nanos);

    assertThat(Micros.toInstant(Micros.of(i))).isEqualTo(i.truncatedTo(ChronoUnit.MICROS));
  }

  @Property
  void keepsOrder(
      @ForAll @LongRange(min = -MAX_SECONDS, max = MAX_SECONDS) long s1,
      @ForAll @IntRange(min = 0, max = 999_999_999) int n1,
      @ForAll @LongRange(min = -MAX_SECONDS, max = MAX_SECONDS) long s2,
      @ForAll @IntRange(min = 0, max = 999_999_999) int n2) {
    Instant a = Instant.ofEpochSecond(s1, n1);
    Instant b = Instant.ofEpochSecond(s2, n2);

    if (!a.isAfter(b)) {
      assertThat(Micros.of(a)).isLessThanOrEqualTo(Micros.of(b));
    } else {
      assertThat(Micros.of(a)).isGreaterThanOrEqualTo(Micros.of(b));
    }
  }

  @Test
  void instantsBeyondALongOfMicrosecondsAreRefused() {
    assertThatThrownBy(() -> Micros.of(Instant.MAX)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Micros.of(Instant.MIN)).isInstanceOf(IllegalArgumentException.class);
  }
}
