package io.onex.bus.testing.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.onex.bus.transport.RateLimitedLog;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The one LOG_SUPPRESSED line the broker's rejected-input and schema logs and the registry's
 * refused requests share: when a window opens after lines were held back, one WARN line with {@code
 * event}, {@code bus} (when there is one) and the exact count.
 */
class SuppressedLineTest {
  @Test
  void heldBackLinesAreCountedInOneStructuredLineWhenTheNextWindowOpens() {
    Logger logger = (Logger) LoggerFactory.getLogger("test.suppressed");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try {
      RateLimitedLog limit = new RateLimitedLog(1, 1000);
      var withBus = RateLimitedLog.suppressedLine(logger, "shop", "rejected-input");
      assertThat(limit.tryAcquire(0, withBus)).isTrue();
      for (int i = 0; i < 3; i++) {
        assertThat(limit.tryAcquire(10 + i, withBus)).isFalse();
      }
      assertThat(lines.list).isEmpty();

      assertThat(limit.tryAcquire(1000, withBus)).isTrue();
      assertThat(limit.tryAcquire(1001, withBus)).isFalse();
      assertThat(limit.tryAcquire(2500, RateLimitedLog.suppressedLine(logger, null, "refused")))
          .isTrue();

      assertThat(lines.list).hasSize(2);
      ILoggingEvent first = lines.list.get(0);
      assertThat(first.getLevel()).isEqualTo(Level.WARN);
      assertThat(keyValues(first))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("event", "LOG_SUPPRESSED", "bus", "shop", "suppressed", 3L));
      assertThat(first.getFormattedMessage())
          .isEqualTo("3 rejected-input log lines suppressed in the last second");
      assertThat(keyValues(lines.list.get(1)))
          .containsExactlyInAnyOrderEntriesOf(Map.of("event", "LOG_SUPPRESSED", "suppressed", 1L));
    } finally {
      logger.detachAppender(lines);
    }
  }

  private static Map<String, Object> keyValues(ILoggingEvent e) {
    Map<String, Object> out = new HashMap<>();
    e.getKeyValuePairs().forEach(kv -> out.put(kv.key, kv.value));
    return out;
  }
}
