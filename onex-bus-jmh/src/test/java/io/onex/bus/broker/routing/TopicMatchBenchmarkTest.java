package io.onex.bus.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The matcher benchmark's subscriptions match what its Javadoc says they match. No timing. */
class TopicMatchBenchmarkTest {
  private static TopicMatchBenchmark setUp(int topics, String patterns) throws Exception {
    TopicMatchBenchmark b = new TopicMatchBenchmark();
    b.topics = topics;
    b.patterns = patterns;
    b.setUp();
    return b;
  }

  @Test
  void literalSubscriptionsMatchTheirOwnTopicOnly() throws Exception {
    TopicMatchBenchmark b = setUp(10_000, "literal");
    for (int i : new int[] {0, 1, 4_999, 9_999}) {
      assertThat(b.matches(b.topic(i))).isOne();
    }
    assertThat(b.trieMatch()).hasSize(1);
    assertThat(b.indexMatch()).hasSize(1);
    assertThat(b.indexMatchDecoded()).hasSize(1);
  }

  @Test
  void wildcardSubscriptionsMatchEveryTopicOfTheirFirstToken() throws Exception {
    // 10,000 topics on a 100 x 100 grid: t.<a>.* and t.<a>.> from the 100 subscriptions of row a.
    TopicMatchBenchmark b = setUp(10_000, "wildcard");
    assertThat(b.matches(b.topic(0))).isEqualTo(100);
    assertThat(b.matches(b.topic(9_999))).isEqualTo(100);
    // 10 topics on a 4-wide grid: rows of 4, 4 and 2 subscriptions.
    TopicMatchBenchmark small = setUp(10, "wildcard");
    assertThat(small.matches(small.topic(0))).isEqualTo(4);
    assertThat(small.matches(small.topic(9))).isEqualTo(2);
  }
}
