package io.onex.bus.broker.routing;

import io.onex.bus.broker.session.Session;
import io.onex.bus.jmh.MicroBenchmark;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.topic.TopicPattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The topic matcher, per lookup, over {@code topics} distinct topics {@code t.<a>.<b>.x} visited
 * round-robin, with one subscription per topic: {@code literal} ones ({@code t.<a>.<b>.x}) or
 * {@code wildcard} ones (half {@code t.<a>.*.x}, half {@code t.<a>.>}, so each topic matches
 * several). {@link #trieMatch} is the walk a topic seen for the first time costs; {@link
 * #indexMatch} the steady state (the index's per-topic cache; the topic {@code String} keeps its
 * hash); {@link #indexMatchDecoded} adds what the broker pays per event before that lookup: a fresh
 * topic {@code String} from the frame's bytes, so its hash is computed again.
 *
 * <p>In the broker's package because {@link TopicTrie} is package-private; it only reads. JMH's
 * threads only.
 */
public class TopicMatchBenchmark extends MicroBenchmark {
  @Param({"10", "10000"})
  public int topics;

  @Param({"literal", "wildcard"})
  public String patterns;

  private final TopicTrie trie = new TopicTrie();
  private final SubscriptionIndex index = new SubscriptionIndex();
  private String[] topicNames;
  private byte[][] topicBytes;
  private int next;

  @Setup
  public void setUp() throws ProtocolException {
    Session session = new Session(new byte[] {1}, 1, "jmh", "jmh", 0);
    topicNames = new String[topics];
    topicBytes = new byte[topics][];
    int side = (int) Math.ceil(Math.sqrt(topics));
    for (int i = 0; i < topics; i++) {
      int a = i / side;
      int b = i % side;
      topicNames[i] = "t." + a + "." + b + ".x";
      topicBytes[i] = topicNames[i].getBytes(StandardCharsets.UTF_8);
      String pattern =
          switch (patterns) {
            case "literal" -> topicNames[i];
            case "wildcard" -> i % 2 == 0 ? "t." + a + ".*.x" : "t." + a + ".>";
            default -> throw new IllegalArgumentException("patterns: literal or wildcard");
          };
      Subscriber s = new Subscriber(session, i + 1, TopicPattern.parse(pattern), 1000, 1);
      trie.add(s);
      index.add(s);
    }
    for (String t : topicNames) {
      index.match(t); // fill the cache: the steady state
    }
  }

  private int nextTopic() {
    int i = next;
    next = i + 1 == topics ? 0 : i + 1;
    return i;
  }

  @Benchmark
  public List<Subscriber> trieMatch() {
    return trie.match(topicNames[nextTopic()]);
  }

  @Benchmark
  public Subscriber[] indexMatch() {
    return index.match(topicNames[nextTopic()]);
  }

  @Benchmark
  public Subscriber[] indexMatchDecoded() {
    byte[] b = topicBytes[nextTopic()];
    return index.match(new String(b, StandardCharsets.UTF_8));
  }

  /** How many subscribers {@code topic} matches (for the tests). */
  int matches(String topic) {
    return index.match(topic).length;
  }

  String topic(int i) {
    return topicNames[i];
  }
}
