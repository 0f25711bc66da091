package io.onex.bus.bench.flow;

import io.onex.bus.client.PublishOptions;
import io.onex.bus.client.SubscribeOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The routing scenario's topics, subscriptions and tags, all deterministic.
 *
 * <p>Topics: {@code t.<a>.<b>.x} for a, b in 0..99, 10,000 of them; event i goes to a = i % 100, b
 * = i / 100 % 100 (round-robin over all topics) and carries the tag {@code region} = eu, us, ap by
 * i % 3 (10,000 ≡ 1 mod 3, so every topic sees every region over the rounds).
 *
 * <p>Subscriptions, 1,000:
 *
 * <ul>
 *   <li>100 {@code t.<a>.*.x}, no filter: every event matches exactly one;
 *   <li>100 {@code t.*.<b>.x} with {@code region=eu}: every event matches one, a third pass;
 *   <li>100 {@code t.<a>.>} with {@code region in (us,ap)}: every event matches one, two thirds
 *       pass;
 *   <li>100 {@code t.<k>.<k>.>} (the diagonal), no filter: 1 % of the topics;
 *   <li>600 literal {@code t.<a>.<b>.x} on topics 16k (k = 0..599), filters in turn none, {@code
 *       region=eu}, {@code region=us}, {@code region=none} (never passes): 6 % of the topics.
 * </ul>
 *
 * So an event is delivered twice plus, for 7 % of the topics, a third time when a filter lets it
 * through: about 2.03 deliveries per event over all topics. The single-topic cell publishes every
 * event on {@link #SINGLE_TOPIC}, which only the first three kinds match: exactly 2 deliveries per
 * event, with the same 1,000 subscriptions in the index. Stateless.
 */
final class RoutingTopology {
  static final int TOPICS = 10_000;
  static final int SUBSCRIPTIONS = 1_000;
  static final String SINGLE_TOPIC = "t.1.0.x";
  private static final String[] REGIONS = {"eu", "us", "ap"};
  private static final String[] LITERAL_FILTERS = {null, "eu", "us", "none"};
  private static final int LITERALS = 600;
  private static final int LITERAL_STRIDE = 16;

  /** One subscription: a pattern and an optional {@code region} filter clause. */
  record Sub(String pattern, String tagClause) {
    SubscribeOptions options() {
      SubscribeOptions.Builder b =
          SubscribeOptions.builder()
              .pattern(pattern)
              .creditWindow(SubscribeOptions.UNLIMITED_CREDIT);
      if (tagClause != null) {
        b.tag(tagClause);
      }
      return b.build();
    }

    boolean accepts(String region) {
      if (tagClause == null) {
        return true;
      }
      if (tagClause.startsWith("region in (")) {
        return tagClause.contains(region);
      }
      return tagClause.equals("region=" + region);
    }
  }

  private RoutingTopology() {}

  static String topic(int topicIndex) {
    return "t." + topicIndex % 100 + "." + topicIndex / 100 % 100 + ".x";
  }

  /** Every topic, by index. */
  static String[] topics() {
    String[] t = new String[TOPICS];
    for (int i = 0; i < TOPICS; i++) {
      t[i] = topic(i);
    }
    return t;
  }

  /** The publish options of each region, by index. */
  static PublishOptions[] tags() {
    PublishOptions[] o = new PublishOptions[REGIONS.length];
    for (int r = 0; r < REGIONS.length; r++) {
      o[r] = new PublishOptions(Map.of("region", REGIONS[r]));
    }
    return o;
  }

  static int region(long event) {
    return (int) (event % REGIONS.length);
  }

  static List<Sub> subscriptions() {
    List<Sub> s = new ArrayList<>(SUBSCRIPTIONS);
    for (int a = 0; a < 100; a++) {
      s.add(new Sub("t." + a + ".*.x", null));
    }
    for (int b = 0; b < 100; b++) {
      s.add(new Sub("t.*." + b + ".x", "region=eu"));
    }
    for (int a = 0; a < 100; a++) {
      s.add(new Sub("t." + a + ".>", "region in (us,ap)"));
    }
    for (int k = 0; k < 100; k++) {
      s.add(new Sub("t." + k + "." + k + ".>", null));
    }
    for (int k = 0; k < LITERALS; k++) {
      String f = LITERAL_FILTERS[k % LITERAL_FILTERS.length];
      s.add(new Sub(topic(k * LITERAL_STRIDE), f == null ? null : "region=" + f));
    }
    return s;
  }

  /**
   * Deliveries that {@code events} events make, the i-th on topic {@code topicOf(i)} with region
   * {@code i % 3}: counted with {@code TopicPattern}-independent matching written here, so the
   * broker's answer is checked against a second opinion.
   */
  static long expectedDeliveries(long events, boolean singleTopic) {
    List<Sub> subs = subscriptions();
    int topics = singleTopic ? 1 : TOPICS;
    // per topic and region: how many subscriptions match and accept
    long[][] perTopicRegion = new long[topics][REGIONS.length];
    List<String[]> patterns = subs.stream().map(x -> x.pattern().split("\\.")).toList();
    for (int t = 0; t < topics; t++) {
      String[] topic = (singleTopic ? SINGLE_TOPIC : topic(t)).split("\\.");
      for (int k = 0; k < subs.size(); k++) {
        Sub sub = subs.get(k);
        if (matches(patterns.get(k), topic)) {
          for (int r = 0; r < REGIONS.length; r++) {
            if (sub.accepts(REGIONS[r])) {
              perTopicRegion[t][r]++;
            }
          }
        }
      }
    }
    long total = 0;
    for (long i = 0; i < events; i++) {
      total += perTopicRegion[(int) (i % topics)][region(i)];
    }
    return total;
  }

  /** NATS-style matching of split tokens: {@code *} one token, a trailing {@code >} one or more. */
  static boolean matches(String[] p, String[] t) {
    for (int i = 0; i < p.length; i++) {
      if (p[i].equals(">")) {
        return t.length > i;
      }
      if (i >= t.length || !(p[i].equals("*") || p[i].equals(t[i]))) {
        return false;
      }
    }
    return p.length == t.length;
  }
}
