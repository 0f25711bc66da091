package io.onex.bus.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.session.Session;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.topic.TopicPattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The trie and its cache against the plainest reference: every open subscription whose pattern's
 * {@link TopicPattern#matches} says yes. Random subscribe/unsubscribe sequences interleaved with
 * lookups (so cached answers must be invalidated correctly), over a small alphabet so that matches,
 * wildcards and the {@code $} rule all occur often.
 */
class SubscriptionIndexPropertyTest {
  private static final Session SESSION = new Session(new byte[] {1}, 1, "n", "", 0);

  /** One step: subscribe a pattern, unsubscribe the k-th open subscription, or look a topic up. */
  record Step(int kind, String text, int pick) {}

  @Property(tries = 400)
  void matchesTheReference(@ForAll("steps") List<Step> steps) throws ProtocolException {
    SubscriptionIndex index = new SubscriptionIndex();
    List<Subscriber> open = new ArrayList<>();
    int id = 0;
    for (Step step : steps) {
      switch (step.kind()) {
        case 0 -> {
          Subscriber s = new Subscriber(SESSION, ++id, TopicPattern.parse(step.text()), 10, 1);
          index.add(s);
          open.add(s);
        }
        case 1 -> {
          if (!open.isEmpty()) {
            Subscriber s = open.remove(step.pick() % open.size());
            index.remove(s);
          }
        }
        default -> {
          Set<Subscriber> expected = new HashSet<>();
          for (Subscriber s : open) {
            if (s.pattern().matches(step.text())) {
              expected.add(s);
            }
          }
          Subscriber[] got = index.match(step.text());
          assertThat(new HashSet<>(Arrays.asList(got))).isEqualTo(expected);
          assertThat(got).doesNotHaveDuplicates();
        }
      }
      assertThat(index.size()).isEqualTo(open.size());
    }
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<String> token = Arbitraries.of("a", "b", "c");
    Arbitrary<String> topic =
        Combinators.combine(
                Arbitraries.of("a", "b", "$sys"), token.list().ofMinSize(0).ofMaxSize(3))
            .as((first, rest) -> String.join(".", prepend(first, rest)));
    Arbitrary<String> patternToken = Arbitraries.of("a", "b", "c", "*", "$sys");
    Arbitrary<String> pattern =
        Combinators.combine(
                patternToken.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false))
            .as((tokens, rest) -> String.join(".", tokens) + (rest ? ".>" : ""))
            .map(p -> p.startsWith(".") ? p.substring(1) : p);
    Arbitrary<Step> subscribe = pattern.map(p -> new Step(0, p, 0));
    Arbitrary<Step> unsubscribe =
        Arbitraries.integers().between(0, 50).map(k -> new Step(1, "", k));
    Arbitrary<Step> lookup = topic.map(t -> new Step(2, t, 0));
    Arbitrary<Step> bareRest = Arbitraries.just(new Step(0, ">", 0));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, subscribe),
            net.jqwik.api.Tuple.of(2, unsubscribe),
            net.jqwik.api.Tuple.of(5, lookup),
            net.jqwik.api.Tuple.of(1, bareRest))
        .list()
        .ofMinSize(1)
        .ofMaxSize(60);
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
