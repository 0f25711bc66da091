package io.onex.bus.broker.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Queued bytes per topic and in all, exact through runs of one topic and topics that empty. */
class QueuedBytesTest {
  @Test
  void aTopicThatEmptiesAndComesBackIsCountedAfresh() {
    QueuedBytes q = new QueuedBytes();
    String a = "t.a";
    q.add(a, 10);
    q.add(a, 5);
    q.remove(a, 15);

    assertThat(q.topics()).doesNotContainKey(a);
    q.add(a, 7);
    q.add("t.b", 3);
    q.add(a, 1);

    assertThat(q.of(a)).isEqualTo(8);
    assertThat(q.topics().get(a)[0]).isEqualTo(8);
    assertThat(q.of("t.b")).isEqualTo(3);
    assertThat(q.total()).isEqualTo(11);
  }

  @Test
  void equalTopicsInDifferentStringsShareOneCount() {
    QueuedBytes q = new QueuedBytes();
    q.add(new String("t.a"), 4);
    q.add(new String("t.a"), 6);
    q.remove(new String("t.a"), 3);

    assertThat(q.of("t.a")).isEqualTo(7);
    assertThat(q.topics()).hasSize(1);
  }
}
