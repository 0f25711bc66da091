package io.onex.bus.registry.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarningThrottleTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final WarningThrottle throttle = new WarningThrottle(Duration.ofSeconds(10), now::get);

  @Test
  void oneWarningPerIntervalAndTheNextReportsHowManyWereHeldBack() {
    assertThat(throttle.tryWarn()).isZero();
    now.addAndGet(Duration.ofSeconds(9).toNanos());
    assertThat(throttle.tryWarn()).isEqualTo(-1);
    assertThat(throttle.tryWarn()).isEqualTo(-1);
    assertThat(throttle.tryWarn()).isEqualTo(-1);

    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(throttle.tryWarn()).isEqualTo(3);
    assertThat(throttle.tryWarn()).isEqualTo(-1);

    now.addAndGet(Duration.ofMinutes(5).toNanos());
    assertThat(throttle.tryWarn()).isEqualTo(1);
  }

  @Test
  void theFirstWarningPassesWhateverTheClockSays() {
    WarningThrottle fromZero = new WarningThrottle(Duration.ofSeconds(10), () -> 0L);
    assertThat(fromZero.tryWarn()).isZero();
    assertThat(fromZero.tryWarn()).isEqualTo(-1);
  }
}
