package io.onex.bus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broker, publisher and two subscribers, each its own JVM, over TCP loopback: 100,000 events are
 * all delivered exactly once and in publish order, across two publishers one after the other; a
 * subscriber that joins between them receives every event from its join onward, without a gap.
 */
class MultiProcessDeliveryIT {
  private static final int EVENTS = 100_000;
  private static final Duration LONG = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SEQUENCES = Pattern.compile("sequences (\\d+)\\.\\.(\\d+)");

  @TempDir Path home;

  @Test
  void hundredThousandEventsExactlyOnceInOrderAndLateJoinerGetsTheRest() throws Exception {
    Path cfg = home.resolve("onex.yaml");
    // Queues and backpressure marks large enough that this test sees no drop and no
    // backpressure announcement (whose system events would take bus sequence numbers).
    Files.writeString(
        cfg,
        "buses:\n  - name: user\n    queue: {size: 200000}\n"
            + "    flow: {high_water_bytes: 1073741824, topic_high_water_bytes: 1073741824}\n");
    try (OnexProcess broker = OnexProcess.start(home, "up", "--config", cfg.toString())) {
      broker.awaitLine("onex: ready", Duration.ofSeconds(60));
      String endpoint = broker.lineValue("bus user");

      try (OnexProcess early = subscriber(endpoint, EVENTS)) {
        // The early subscriber must be in place before the first event, or it rightly misses it.
        awaitSubscribed(home, 1);
        // Two publishers, one after the other, the late subscriber joining in between (the early
        // one may still be working through the first half). Joining during a single publisher's
        // run depended on timing: once the bus accepted all 100,000 events before the early
        // subscriber had printed a tenth of them, the late one joined after the end.
        long[] firstHalf = publishAll(endpoint, EVENTS / 2);
        try (OnexProcess late = lateSubscriber(endpoint)) {
          awaitSubscribed(home, 2);
          long[] secondHalf = publishAll(endpoint, EVENTS - EVENTS / 2);
          long first = firstHalf[0];
          long last = secondHalf[1];

          int earlyExit = early.waitFor(LONG);
          assertThat(earlyExit)
              .as("early subscriber: %s; gaps: %s", early.err(), gaps(early.out(), first))
              .isZero();
          assertExactlyOnceInOrder(early.out(), first, last);

          // The late subscriber joined mid-stream: nothing from before its join, then every event
          // to the last, no gap.
          Awaitility.await()
              .atMost(LONG)
              .until(() -> !late.out().isEmpty() && lastSequence(late) == last);
          long lateFirst = JSON.readTree(late.out().get(0)).path("sequence").asLong();
          assertThat(lateFirst).isEqualTo(secondHalf[0]);
          assertThat(gaps(late.out(), lateFirst)).isEmpty();
          assertThat(late.out()).hasSize((int) (last - lateFirst + 1));
        }
      }
    }
  }

  /** Runs a publisher of {@code count} events to its end; the sequences the bus gave them. */
  private long[] publishAll(String endpoint, int count) {
    try (OnexProcess publisher = publisher(endpoint, count)) {
      assertThat(publisher.waitFor(LONG)).as("publisher: %s", publisher.err()).isZero();
      return acceptedRange(publisher, count);
    }
  }

  private OnexProcess subscriber(String endpoint, int count) {
    return OnexProcess.start(
        home,
        "subscribe",
        "--endpoint",
        endpoint,
        "--topic",
        "load.>",
        "--count",
        Integer.toString(count),
        "--timeout",
        "180s",
        "--json");
  }

  /** A subscriber with no count: it prints until stopped. */
  private OnexProcess lateSubscriber(String endpoint) {
    return OnexProcess.start(
        home,
        "subscribe",
        "--endpoint",
        endpoint,
        "--topic",
        "load.>",
        "--timeout",
        "180s",
        "--json");
  }

  private static long lastSequence(OnexProcess subscriber) throws Exception {
    List<String> lines = subscriber.out();
    return JSON.readTree(lines.get(lines.size() - 1)).path("sequence").asLong();
  }

  private OnexProcess publisher(String endpoint, int count) {
    return OnexProcess.start(
        home,
        "publish",
        "--endpoint",
        endpoint,
        "--topic",
        "load.events",
        "--data",
        "{\"payload\":\"" + "x".repeat(200) + "\"}",
        "--count",
        Integer.toString(count));
  }

  private static long[] acceptedRange(OnexProcess publisher, int count) {
    Matcher m = SEQUENCES.matcher(String.join("\n", publisher.out()));
    assertThat(m.find()).as("publisher summary %s", publisher.out()).isTrue();
    long first = Long.parseLong(m.group(1));
    long last = Long.parseLong(m.group(2));
    assertThat(last - first + 1).isEqualTo(count);
    return new long[] {first, last};
  }

  /** The subscribers are in place once the bus counts {@code n} subscriptions. */
  private static void awaitSubscribed(Path home, int n) {
    Awaitility.await()
        .atMost(LONG)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> OnexProcess.subscriberCount(home, "user") == n);
  }

  /** Missing sequence ranges, for the failure message. */
  private static List<String> gaps(List<String> lines, long first) throws Exception {
    List<String> gaps = new java.util.ArrayList<>();
    long expected = first;
    for (String line : lines) {
      long seq = JSON.readTree(line).path("sequence").asLong();
      if (seq != expected) {
        gaps.add(expected + ".." + (seq - 1));
      }
      expected = seq + 1;
    }
    return gaps;
  }

  private static void assertExactlyOnceInOrder(List<String> lines, long first, long last)
      throws Exception {
    assertThat(lines).as("gaps: %s", gaps(lines, first)).hasSize(EVENTS);
    Set<String> ids = new HashSet<>();
    long expected = first;
    for (String line : lines) {
      JsonNode e = JSON.readTree(line);
      assertThat(e.path("sequence").asLong()).isEqualTo(expected++);
      assertThat(ids.add(e.path("event").path("event_id").asText())).isTrue();
    }
    assertThat(expected - 1).isEqualTo(last);
  }
}
