package io.onex.bus.bench.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The latency scenario end to end on onex, NATS and raw JeroMQ with small counts: every paced event
 * arrives and is recorded, at both rates. No timing is asserted; numbers belong in
 * docs/performance.md.
 */
class LatencyBenchSmokeTest {
  @Test
  void everyPacedEventIsReceivedAndRecorded() throws Exception {
    List<LatencyRow> rows =
        LatencyBench.run(new LatencyBenchOptions(1_000, 1, 1, 64, 2_000), line -> {});

    assertThat(rows)
        .extracting(LatencyRow::system)
        .containsExactly("onex", "nats", "jeromq-raw", "onex", "nats", "jeromq-raw");
    assertThat(rows)
        .extracting(LatencyRow::rate)
        .containsExactly(10_000, 10_000, 10_000, 2_000, 2_000, 2_000);
    for (LatencyRow r : rows) {
      assertThat(r.lost()).as(r.toString()).isZero();
      assertThat(r.recorded()).as(r.toString()).isEqualTo(r.rate());
      // onex deliveries carry the broker's stamp, so every event is split in two; the others' not.
      long split = r.system().equals("onex") ? r.recorded() : 0;
      assertThat(r.toBroker().recorded()).as(r.toString()).isEqualTo(split);
      assertThat(r.fromBroker().recorded()).as(r.toString()).isEqualTo(split);
      assertThat(Double.isNaN(r.toBroker().p99Micros())).isEqualTo(split == 0);
    }
  }

  @Test
  void aStampSurvivesThePayload() {
    byte[] p = BenchBus.payload(64);
    LatencySink.stamp(p, 0x0123_4567_89ab_cdefL);
    String text = new String(p, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).startsWith("{\"p\":\"0123456789abcdef").endsWith("\"}");
    // Then the wall clock in µs, 16 hex digits, within a minute of now.
    long wall = Long.parseUnsignedLong(text.substring(22, 38), 16);
    assertThat(wall).isBetween(LatencySink.wallMicros() - 60_000_000L, LatencySink.wallMicros());
  }
}
