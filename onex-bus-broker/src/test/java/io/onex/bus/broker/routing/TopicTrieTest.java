package io.onex.bus.broker.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.session.Session;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.topic.TopicPattern;
import org.junit.jupiter.api.Test;

/**
 * The trie creates a node's collections on first use: removing what was never added, where a node
 * has none of that kind yet, must answer false and change nothing.
 */
class TopicTrieTest {
  private final Session session = new Session(new byte[] {1}, 1, "n", "h", 0);
  private int nextId = 1;

  private Subscriber sub(String pattern) throws ProtocolException {
    return new Subscriber(session, nextId++, TopicPattern.parse(pattern), 10, 1);
  }

  @Test
  void removingWhatWasNeverAddedChangesNothing() throws ProtocolException {
    TopicTrie trie = new TopicTrie();
    Subscriber ab = sub("a.b");
    trie.add(ab);

    assertThat(trie.remove(sub("a.>"))).isFalse(); // node "a" has no '>' subscribers yet
    assertThat(trie.remove(sub("a"))).isFalse(); // node "a" has no subscribers ending there
    assertThat(trie.remove(sub("a.b"))).isFalse(); // another subscriber on the same pattern
    assertThat(trie.remove(sub("a.*"))).isFalse();
    assertThat(trie.match("a.b")).containsExactly(ab);

    assertThat(trie.remove(ab)).isTrue();
    assertThat(trie.match("a.b")).isEmpty();
  }

  @Test
  void everyKindOfPatternIsFoundAgainAfterTheFirstOnANode() throws ProtocolException {
    TopicTrie trie = new TopicTrie();
    Subscriber rest = sub("a.>");
    Subscriber one = sub("a.*");
    Subscriber literal = sub("a.b");
    Subscriber shorter = sub("a");
    trie.add(rest);
    trie.add(one);
    trie.add(literal);
    trie.add(shorter);

    assertThat(trie.match("a.b")).containsExactlyInAnyOrder(rest, one, literal);
    assertThat(trie.match("a")).containsExactly(shorter);
    assertThat(trie.remove(one)).isTrue();
    assertThat(trie.match("a.b")).containsExactlyInAnyOrder(rest, literal);
  }
}
