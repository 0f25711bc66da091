package io.onex.bus.broker.routing;

import io.onex.bus.protocol.topic.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Subscriptions by pattern token, NATS sublist style: a literal topic is matched by walking one
 * path per token, plus the {@code *} and {@code >} branches met on the way, so the cost depends on
 * the topic's depth and the wildcards that can match it, not on how many subscriptions exist. Owned
 * by the broker loop thread.
 */
final class TopicTrie {
  private static final String ONE = "*";
  private static final String REST = ">";

  private static final Map<String, Node> NO_CHILDREN = Map.of();
  private static final List<Subscriber> NO_SUBSCRIBERS = List.of();

  /**
   * One token position. Its map and lists start as shared empty constants and are created on first
   * use: most nodes only ever hold one kind of thing, and eager collections made the trie about a
   * third of a subscription's memory.
   */
  private static final class Node {
    Map<String, Node> literal = NO_CHILDREN;
    Node one;
    List<Subscriber> endingHere = NO_SUBSCRIBERS;
    List<Subscriber> rest = NO_SUBSCRIBERS;

    Node literalChild(String token) {
      if (literal == NO_CHILDREN) {
        literal = new HashMap<>(2);
      }
      return literal.computeIfAbsent(token, k -> new Node());
    }

    void addEndingHere(Subscriber s) {
      if (endingHere == NO_SUBSCRIBERS) {
        endingHere = new ArrayList<>(1);
      }
      endingHere.add(s);
    }

    void addRest(Subscriber s) {
      if (rest == NO_SUBSCRIBERS) {
        rest = new ArrayList<>(1);
      }
      rest.add(s);
    }

    boolean isEmpty() {
      return literal.isEmpty() && one == null && endingHere.isEmpty() && rest.isEmpty();
    }
  }

  private final Node root = new Node();

  void add(Subscriber s) {
    String[] tokens = s.pattern().tokens();
    Node n = root;
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.equals(REST)) {
        n.addRest(s);
        return;
      }
      n = t.equals(ONE) ? oneChild(n) : n.literalChild(t);
    }
    n.addEndingHere(s);
  }

  /** Removes {@code s}; returns whether it was there. Empty branches are pruned. */
  boolean remove(Subscriber s) {
    return remove(root, s.pattern().tokens(), 0, s);
  }

  private boolean remove(Node n, String[] tokens, int i, Subscriber s) {
    if (i == tokens.length) {
      return n.endingHere != NO_SUBSCRIBERS && n.endingHere.remove(s);
    }
    String t = tokens[i];
    if (t.equals(REST)) {
      return n.rest != NO_SUBSCRIBERS && n.rest.remove(s);
    }
    Node child = t.equals(ONE) ? n.one : n.literal.get(t);
    if (child == null || !remove(child, tokens, i + 1, s)) {
      return false;
    }
    if (child.isEmpty()) {
      if (t.equals(ONE)) {
        n.one = null;
      } else {
        n.literal.remove(t);
      }
    }
    return true;
  }

  /** Every subscriber whose pattern matches the literal {@code topic}. */
  List<Subscriber> match(String topic) {
    List<Subscriber> out = new ArrayList<>();
    String[] tokens = topic.split("\\.", -1);
    match(root, tokens, 0, Topics.isSystem(topic), out);
    return out;
  }

  private static void match(Node n, String[] tokens, int i, boolean system, List<Subscriber> out) {
    if (i == tokens.length) {
      out.addAll(n.endingHere);
      return;
    }
    // A pattern that starts with a wildcard never matches a system topic.
    boolean wildcardsAllowed = !(system && i == 0);
    if (wildcardsAllowed) {
      out.addAll(n.rest);
    }
    Node lit = n.literal.get(tokens[i]);
    if (lit != null) {
      match(lit, tokens, i + 1, system, out);
    }
    if (wildcardsAllowed && n.one != null) {
      match(n.one, tokens, i + 1, system, out);
    }
  }

  private static Node oneChild(Node n) {
    if (n.one == null) {
      n.one = new Node();
    }
    return n.one;
  }
}
