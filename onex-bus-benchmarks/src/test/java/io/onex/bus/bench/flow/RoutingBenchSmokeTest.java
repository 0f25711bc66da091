package io.onex.bus.bench.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The routing scenario end to end with small counts: every expected delivery arrives in both cells,
 * nothing more, and the broker dropped nothing. No timing is asserted; numbers belong in
 * docs/performance.md.
 */
class RoutingBenchSmokeTest {
  private static final int EVENTS = 12_000;

  @Test
  void everyDeliveryArrivesAndNothingIsDropped() throws Exception {
    List<String> progress = new ArrayList<>();
    List<RoutingRow> rows =
        RoutingBench.run(new RoutingBenchOptions(EVENTS, 2, 3, 64), progress::add);

    assertThat(rows).extracting(RoutingRow::cell).containsExactly("single-topic", "many-topics");
    for (RoutingRow r : rows) {
      assertThat(r.lost()).as(r.toString()).isZero();
      assertThat(r.dropped()).as(r.toString()).isZero();
      assertThat(r.subscriptions()).isEqualTo(1_000);
      assertThat(r.clients()).isEqualTo(3);
      assertThat(r.eventsPerRun()).isEqualTo(EVENTS);
    }
    assertThat(rows.get(0).topics()).isEqualTo(1);
    assertThat(rows.get(0).deliveriesPerRun()).isEqualTo(2L * EVENTS);
    assertThat(rows.get(1).topics()).isEqualTo(10_000);
    assertThat(rows.get(1).deliveriesPerRun()).isBetween(2L * EVENTS + 1, 3L * EVENTS);
    assertThat(rows.get(0).ratioToSingle()).isEqualTo(1.0);
    assertThat(rows.get(0).pairedRatio()).isEqualTo(1.0);
    assertThat(rows.get(1).pairedRatio()).isPositive();
    // One line for the subscriptions, one per measured run of each cell.
    assertThat(progress).hasSize(1 + 2 * 2);
  }

  @Test
  void theTopologyHasWhatTheDocSays() {
    List<RoutingTopology.Sub> subs = RoutingTopology.subscriptions();
    assertThat(subs).hasSize(RoutingTopology.SUBSCRIPTIONS);
    assertThat(subs).extracting(RoutingTopology.Sub::pattern).doesNotHaveDuplicates();
    assertThat(subs).filteredOn(s -> s.pattern().contains("*")).hasSize(200);
    assertThat(subs).filteredOn(s -> s.pattern().endsWith(">")).hasSize(200);
    assertThat(subs).filteredOn(s -> s.tagClause() != null).hasSize(200 + 450);
    assertThat(RoutingTopology.topics()).doesNotHaveDuplicates().hasSize(10_000);
    // Three full rounds over the topics, every topic once per region.
    long many = RoutingTopology.expectedDeliveries(30_000, false);
    assertThat(many).isEqualTo(2 * 30_000L + 3 * 100 + 150 * 3 + 150 + 150);
    assertThat(RoutingTopology.expectedDeliveries(30_000, true)).isEqualTo(60_000);
  }
}
