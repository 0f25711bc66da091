package io.onex.bus.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** DELIVER frames built from event records copied out of PUBLISH frames. */
class DeliverWriterTest {

  @Test
  void anEmptyWriterMakesAnEmptyDeliver() throws Exception {
    DeliverWriter w = new DeliverWriter(16);

    assertThat(w.count()).isZero();
    assertThat(w.size()).isEqualTo(4);
    byte[] frame = w.finish();

    assertThat(frame).containsExactly(1, 0x20, 0, 0);
    assertThat(FrameCodec.decode(frame)).isEqualTo(new Frame.Deliver(List.of()));
  }

  @Test
  void recordsCopiedFromAPublishDecodeAsTheSameDeliveries() throws Exception {
    List<EventRecord> events = PublishViewTest.events(3);
    byte[] publish = FrameCodec.encode(new Frame.Publish(7, events));
    DeliverWriter w = new DeliverWriter(8);
    List<Delivery> expected = new ArrayList<>();

    PublishView view = new PublishView().wrap(publish, 3);
    EventRecordView record = new EventRecordView();
    long seq = 100;
    while (view.hasNext()) {
      view.next(record);
      EventRecord e = record.toRecord();
      for (int sub : new int[] {1, 0xFFFFFFFF}) {
        w.append(
            sub,
            seq,
            1_748_435_785_677_980L,
            "node-é".getBytes(StandardCharsets.UTF_8),
            publish,
            record.recordOffset(),
            record.recordLength());
        expected.add(new Delivery(sub, seq, 1_748_435_785_677_980L, "node-é", e));
      }
      seq++;
    }

    assertThat(w.count()).isEqualTo(6);
    int size = w.size();
    byte[] frame = w.finish();

    assertThat(frame).hasSize(size);
    assertThat(FrameCodec.decode(frame)).isEqualTo(new Frame.Deliver(expected));
    assertThat(frame).isEqualTo(FrameCodec.encode(new Frame.Deliver(expected)));
  }

  /**
   * A batch that fills at least half the buffer is handed over, not copied, and the next batch is
   * written into a new buffer, so the frame handed over is never overwritten; a small batch is an
   * exact copy. Either way the first {@code length} bytes are the frame {@link
   * DeliverWriter#finish} would have made.
   */
  @Test
  void finishingHandsOverLargeBatchesAndNeverOverwritesThem() throws Exception {
    byte[] rec = EventRecords.encode(EventRecord.of("a", "T", "", "{}".getBytes()));
    DeliverWriter copying = new DeliverWriter(4 * rec.length);
    DeliverWriter handing = new DeliverWriter(4 * rec.length);
    for (int i = 0; i < 3; i++) {
      copying.append(i, i, i, new byte[] {'n'}, rec, 0, rec.length);
      handing.append(i, i, i, new byte[] {'n'}, rec, 0, rec.length);
    }
    byte[] expected = copying.finish();

    DeliverWriter.Finished large = handing.finishSharing(null);
    byte[] handed = java.util.Arrays.copyOf(large.bytes(), large.bytes().length);
    for (int i = 0; i < 3; i++) {
      handing.append(9, 9, 9, new byte[] {'x'}, rec, 0, rec.length);
    }
    DeliverWriter.Finished next = handing.finishSharing(null);
    handing.append(7, 7, 7, new byte[] {'y'}, rec, 0, rec.length);
    DeliverWriter.Finished small = handing.finishSharing(null);

    assertThat(large.bytes().length).isGreaterThan(large.length());
    assertThat(java.util.Arrays.copyOf(large.bytes(), large.length())).isEqualTo(expected);
    assertThat(large.bytes()).isEqualTo(handed);
    assertThat(next.bytes()).isNotSameAs(large.bytes());
    assertThat(small.bytes()).hasSize(small.length());
    assertThat(((Frame.Deliver) FrameCodec.decode(small.bytes())).deliveries())
        .singleElement()
        .extracting(Delivery::subscriptionId)
        .isEqualTo(7);
  }

  @Test
  void aFrameIdenticalToThePreviousOneSharesItsArray() throws Exception {
    byte[] rec = EventRecords.encode(EventRecord.of("a.b", "T", "", "{\"x\":1}".getBytes()));
    DeliverWriter first = new DeliverWriter(64);
    DeliverWriter second = new DeliverWriter(64);
    DeliverWriter other = new DeliverWriter(64);
    for (int i = 0; i < 3; i++) {
      first.append(1, 10 + i, 5, new byte[] {'p'}, rec, 0, rec.length);
      second.append(1, 10 + i, 5, new byte[] {'p'}, rec, 0, rec.length);
      other.append(2, 10 + i, 5, new byte[] {'p'}, rec, 0, rec.length);
    }

    DeliverWriter.Finished a = first.finishSharing(null);
    byte[] asSent = java.util.Arrays.copyOf(a.bytes(), a.length());
    DeliverWriter.Finished b = second.finishSharing(a);
    DeliverWriter.Finished c = other.finishSharing(b);

    // Same bytes: the same array goes out twice. Another subscription id: a frame of its own.
    assertThat(b).isSameAs(a);
    assertThat(c.bytes()).isNotSameAs(a.bytes());
    assertThat(
            ((Frame.Deliver) FrameCodec.decode(java.util.Arrays.copyOf(c.bytes(), c.length())))
                .deliveries())
        .extracting(Delivery::subscriptionId)
        .containsExactly(2, 2, 2);
    // The writer that shared keeps writing into its own buffer, never into the shared frame.
    second.append(1, 99, 5, new byte[] {'q'}, rec, 0, rec.length);
    DeliverWriter.Finished next = second.finishSharing(a);
    assertThat(next.bytes()).isNotSameAs(a.bytes());
    assertThat(java.util.Arrays.copyOf(a.bytes(), a.length())).isEqualTo(asSent);
    assertThat(second.count()).isZero();
  }

  @Test
  void finishResetsForTheNextFrame() throws Exception {
    DeliverWriter w = new DeliverWriter(64);
    byte[] rec = EventRecords.encode(EventRecord.of("a", "T", "", "{}".getBytes()));
    w.append(1, 1, 1, new byte[] {'n'}, rec, 0, rec.length);
    byte[] first = w.finish();

    assertThat(w.count()).isZero();
    assertThat(w.size()).isEqualTo(4);
    w.append(2, 2, 2, new byte[] {'n'}, rec, 0, rec.length);
    byte[] second = w.finish();

    assertThat(((Frame.Deliver) FrameCodec.decode(first)).deliveries()).hasSize(1);
    assertThat(((Frame.Deliver) FrameCodec.decode(second)).deliveries())
        .singleElement()
        .extracting(Delivery::subscriptionId)
        .isEqualTo(2);
  }

  @Test
  void resetDropsWhatWasAppended() throws Exception {
    DeliverWriter w = new DeliverWriter(64);
    byte[] rec = EventRecords.encode(EventRecord.of("a", "T", "", "{}".getBytes()));
    w.append(1, 1, 1, new byte[] {'n'}, rec, 0, rec.length);

    w.reset();

    assertThat(FrameCodec.decode(w.finish())).isEqualTo(new Frame.Deliver(List.of()));
  }

  @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
  void writerAndCodecAgree(@ForAll("deliveries") List<Delivery> deliveries) throws Exception {
    DeliverWriter w = new DeliverWriter(1);
    for (Delivery d : deliveries) {
      byte[] rec = EventRecords.encode(d.event());
      byte[] framed = new byte[rec.length + 3];
      System.arraycopy(rec, 0, framed, 3, rec.length);
      w.append(
          d.subscriptionId(),
          d.sequence(),
          d.brokerTimeMicros(),
          d.publisherNodeId().getBytes(StandardCharsets.UTF_8),
          framed,
          3,
          rec.length);
    }
    byte[] frame = w.finish();

    assertThat(frame).isEqualTo(FrameCodec.encode(new Frame.Deliver(deliveries)));
    assertThat(FrameCodec.decode(frame)).isEqualTo(new Frame.Deliver(deliveries));
  }

  @Provide
  Arbitrary<List<Delivery>> deliveries() {
    return FrameArbitraries.deliveries().list().ofMaxSize(6);
  }
}
