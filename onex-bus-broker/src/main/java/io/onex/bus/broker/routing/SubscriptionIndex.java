package io.onex.bus.broker.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the subscribers of a literal topic: a token trie ({@link TopicTrie}) answers a topic seen
 * for the first time, and each answer is cached as an array until the next subscribe or
 * unsubscribe, so steady-state routing is one hash lookup per event whatever the number of
 * subscriptions. Owned by the broker loop thread.
 */
public final class SubscriptionIndex {
  private static final Subscriber[] NONE = new Subscriber[0];
  private static final int MAX_CACHED_TOPICS = 100_000;

  private final TopicTrie trie = new TopicTrie();
  private final Map<String, Subscriber[]> cache = new HashMap<>();
  private int size;

  public void add(Subscriber s) {
    trie.add(s);
    size++;
    cache.clear();
  }

  public void remove(Subscriber s) {
    if (trie.remove(s)) {
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
    List<Subscriber> out = trie.match(topic);
    return out.isEmpty() ? NONE : out.toArray(NONE);
  }
}
