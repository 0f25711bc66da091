package io.onex.bus.broker.routing;

import io.onex.bus.protocol.topic.TopicPattern;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the subscribers of a literal topic. Literal patterns live in a hash map; wildcard patterns
 * in a list; each topic's answer is cached as an array until the next subscribe or unsubscribe, so
 * steady-state routing is one hash lookup per event whatever the number of subscriptions. (The
 * subscriptions issue replaces the wildcard list with a token trie; the cache contract stays.)
 * Owned by the broker loop thread.
 */
public final class SubscriptionIndex {
  private static final Subscriber[] NONE = new Subscriber[0];
  private static final int MAX_CACHED_TOPICS = 100_000;

  private final Map<String, List<Subscriber>> literal = new HashMap<>();
  private final List<Subscriber> wildcard = new ArrayList<>();
  private final Map<String, Subscriber[]> cache = new HashMap<>();
  private int size;

  public void add(Subscriber s) {
    TopicPattern p = s.pattern();
    if (p.isLiteral()) {
      literal.computeIfAbsent(p.text(), k -> new ArrayList<>(2)).add(s);
    } else {
      wildcard.add(s);
    }
    size++;
    cache.clear();
  }

  public void remove(Subscriber s) {
    TopicPattern p = s.pattern();
    boolean removed;
    if (p.isLiteral()) {
      List<Subscriber> list = literal.get(p.text());
      removed = list != null && list.remove(s);
      if (list != null && list.isEmpty()) {
        literal.remove(p.text());
      }
    } else {
      removed = wildcard.remove(s);
    }
    if (removed) {
      size--;
      cache.clear();
    }
  }

  /** The subscribers of {@code topic}, in subscription order; the array must not be modified. */
  public Subscriber[] match(String topic) {
    Subscriber[] hit = cache.get(topic);
    if (hit != null) {
      return hit;
    }
    Subscriber[] computed = compute(topic);
    if (cache.size() >= MAX_CACHED_TOPICS) {
      // Bounded memory beats a perfect hit rate: a topic flood only costs recomputation.
      cache.clear();
    }
    cache.put(topic, computed);
    return computed;
  }

  /** Whether {@link #match} has {@code topic} cached, i.e. it was seen and validated already. */
  public boolean isCached(String topic) {
    return cache.containsKey(topic);
  }

  public int size() {
    return size;
  }

  private Subscriber[] compute(String topic) {
    List<Subscriber> out = new ArrayList<>(literal.getOrDefault(topic, List.of()));
    for (Subscriber s : wildcard) {
      if (s.pattern().matches(topic)) {
        out.add(s);
      }
    }
    return out.isEmpty() ? NONE : out.toArray(NONE);
  }
}
