package io.onex.bus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The metrics scenario end to end with tiny counts: both cells, every event received, the endpoint
 * scraped (at once, then once a second) and closed. No timing is asserted.
 */
class MetricsBenchSmokeTest {
  @Test
  void bothCellsReceiveEverythingAndTheEndpointIsScrapedAndClosed() throws Exception {
    AtomicInteger scraped = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    List<String> progress = new ArrayList<>();

    List<MetricsRow> rows =
        MetricsBench.run(
            new MetricsBenchOptions(500, 3, 256),
            broker ->
                new MetricsBench.Endpoint() {
                  @Override
                  public void scrape() {
                    assertThat(broker.topicTotals()).isNotNull();
                    scraped.incrementAndGet();
                  }

                  @Override
                  public void close() {
                    closed.incrementAndGet();
                  }
                },
            progress::add);

    assertThat(rows).extracting(MetricsRow::cell).containsExactly("metrics-on", "metrics-off");
    assertThat(rows).allMatch(r -> r.lost() == 0 && r.eventsPerS() > 0 && r.size() == 256);
    assertThat(rows.get(1).pairedRatio()).isEqualTo(1.0);
    assertThat(scraped.get()).isPositive();
    assertThat(closed.get()).isEqualTo(1);
    assertThat(progress).hasSize(3);
  }
}
