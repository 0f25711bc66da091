package io.onex.bus.protocol.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link TopicPattern#matches} against a reference matcher written here from the grammar's words,
 * on topics and patterns over a tiny alphabet so that matches are frequent.
 */
class TopicMatchingPropertyTest {
  private static final List<String> TOKENS = List.of("a", "b", "ab", "$s", "$");

  @Property(tries = 3000, edgeCases = EdgeCasesMode.MIXIN)
  void matchesLikeTheReference(@ForAll("topics") String topic, @ForAll("patterns") String pattern)
      throws ProtocolException {
    check(topic, pattern);
  }

  @Property(tries = 3000, edgeCases = EdgeCasesMode.MIXIN)
  void matchesLikeTheReferenceForPatternsDerivedFromTheTopic(
      @ForAll("topicAndDerivedPattern") Tuple.Tuple2<String, String> pair)
      throws ProtocolException {
    check(pair.get1(), pair.get2());
  }

  private static void check(String topic, String pattern) throws ProtocolException {
    Topics.validateLiteral(topic);
    TopicPattern p = TopicPattern.parse(pattern);

    boolean expected = reference(List.of(pattern.split("\\.")), List.of(topic.split("\\.")));

    assertThat(p.matches(topic)).as("%s ~ %s", pattern, topic).isEqualTo(expected);
    Statistics.label("matches").collect(expected);
    Statistics.label("system topic").collect(Topics.isSystem(topic));
  }

  /**
   * The grammar in its own words: {@code *} is one token, {@code >} is one or more trailing tokens,
   * anything else must be equal; a pattern whose first token is a wildcard never matches a topic
   * whose first token starts with {@code $}.
   */
  static boolean reference(List<String> pattern, List<String> topic) {
    boolean wildcardFirst = pattern.get(0).equals("*") || pattern.get(0).equals(">");
    if (wildcardFirst && topic.get(0).startsWith("$")) {
      return false;
    }
    return tokens(pattern, topic);
  }

  private static boolean tokens(List<String> pattern, List<String> topic) {
    if (pattern.isEmpty()) {
      return topic.isEmpty();
    }
    String head = pattern.get(0);
    if (head.equals(">")) {
      return !topic.isEmpty();
    }
    if (topic.isEmpty()) {
      return false;
    }
    return (head.equals("*") || head.equals(topic.get(0)))
        && tokens(pattern.subList(1, pattern.size()), topic.subList(1, topic.size()));
  }

  @Provide
  Arbitrary<String> topics() {
    return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(5).map(t -> String.join(".", t));
  }

  @Provide
  Arbitrary<String> patterns() {
    Arbitrary<List<String>> body =
        Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(TOKENS)), Tuple.of(2, Arbitraries.just("*")))
            .list()
            .ofMinSize(0)
            .ofMaxSize(5);
    return Combinators.combine(body, Arbitraries.of(false, true))
        .as(TopicMatchingPropertyTest::pattern);
  }

  @Provide
  Arbitrary<Tuple.Tuple2<String, String>> topicAndDerivedPattern() {
    Arbitrary<List<String>> topic = Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(5);
    return topic.flatMap(
        t ->
            Combinators.combine(
                    Arbitraries.of(false, true).list().ofSize(t.size()),
                    Arbitraries.integers().between(0, t.size()),
                    Arbitraries.of(false, true))
                .as((stars, keep, rest) -> derive(t, stars, keep, rest)));
  }

  /** A pattern made from a topic: some tokens turned into {@code *}, maybe cut and ended by >. */
  private static Tuple.Tuple2<String, String> derive(
      List<String> topic, List<Boolean> stars, int keep, boolean rest) {
    List<String> p = new ArrayList<>();
    int n = rest ? keep : topic.size();
    for (int i = 0; i < n; i++) {
      p.add(stars.get(i) ? "*" : topic.get(i));
    }
    return Tuple.of(String.join(".", topic), pattern(p, rest));
  }

  private static String pattern(List<String> tokens, boolean endsWithRest) {
    List<String> p = new ArrayList<>(tokens);
    if (endsWithRest || p.isEmpty()) {
      p.add(">");
    }
    return String.join(".", p);
  }
}
