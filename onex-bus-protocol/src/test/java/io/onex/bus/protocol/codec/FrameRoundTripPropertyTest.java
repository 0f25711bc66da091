package io.onex.bus.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** encode → decode is the identity for every frame, and encoding is canonical. */
class FrameRoundTripPropertyTest {

  @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
  void everyFrameSurvivesEncodeThenDecode(@ForAll("frames") Frame frame) throws Exception {
    byte[] bytes = FrameCodec.encode(frame);

    Frame decoded = FrameCodec.decode(bytes);

    assertThat(decoded).isEqualTo(frame);
    assertThat(FrameCodec.encode(decoded)).isEqualTo(bytes);
    assertThat(FrameCodec.commandOf(bytes)).isEqualTo(frame.command());
    assertThat(bytes[0]).isEqualTo((byte) FrameCodec.VERSION);
    assertThat(bytes[1] & 0xFF).isEqualTo(frame.command().code());
    Statistics.label("command").collect(frame.command());
    Statistics.label("command")
        .coverage(
            c -> {
              for (Command command : Command.values()) {
                c.check(command).count(n -> n > 0);
              }
            });
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void publishViewSeesWhatWasPublished(@ForAll("publishes") Frame frame) throws Exception {
    Frame.Publish publish = (Frame.Publish) frame;
    byte[] bytes = FrameCodec.encode(publish);

    PublishView view = new PublishView().wrap(bytes, publish.events().size());
    EventRecordView record = new EventRecordView();

    assertThat(view.ref()).isEqualTo(publish.ref());
    assertThat(view.count()).isEqualTo(publish.events().size());
    for (EventRecord expected : publish.events()) {
      assertThat(view.hasNext()).isTrue();
      view.next(record);
      assertThat(record.topic()).isEqualTo(expected.topic());
      assertThat(record.eventType()).isEqualTo(expected.eventType());
      assertThat(record.correlationId()).isEqualTo(expected.correlationId());
      assertThat(record.flags()).isEqualTo(expected.flags());
      assertThat(
              Arrays.copyOfRange(
                  bytes, record.payloadOffset(), record.payloadOffset() + record.payloadLength()))
          .isEqualTo(expected.payload());
      assertThat(
              Arrays.copyOfRange(
                  bytes, record.recordOffset(), record.recordOffset() + record.recordLength()))
          .isEqualTo(EventRecords.encode(expected));
      assertThat(record.toRecord()).isEqualTo(expected);
    }
    assertThat(view.hasNext()).isFalse();
    assertThat(record.nextOffset()).isEqualTo(bytes.length);
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void aRecordEncodedAloneReadsBack(@ForAll("records") EventRecord record) throws Exception {
    byte[] bytes = EventRecords.encode(record);

    EventRecordView view = new EventRecordView().wrap(bytes, 0, bytes.length);

    assertThat(view.recordLength()).isEqualTo(bytes.length);
    assertThat(view.toRecord()).isEqualTo(record);
  }

  /**
   * The publisher's path (from parts, an exact-size array when there are no tags or extensions)
   * writes the very bytes of the general encoder, for records whose flags are 0 as a publisher's
   * are.
   */
  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void encodingFromPartsEqualsEncodingTheRecord(@ForAll("records") EventRecord r) {
    EventRecord unflagged =
        new EventRecord(
            0, r.topic(), r.eventType(), r.correlationId(), r.tags(), r.extensions(), r.payload());

    byte[] fromParts =
        EventRecords.encode(
            r.topic(), r.eventType(), r.correlationId(), r.tags(), r.extensions(), r.payload());

    assertThat(fromParts).isEqualTo(EventRecords.encode(unflagged));
  }

  @Provide
  Arbitrary<Frame> frames() {
    return FrameArbitraries.frames();
  }

  @Provide
  Arbitrary<Frame> publishes() {
    return FrameArbitraries.publish();
  }

  @Provide
  Arbitrary<EventRecord> records() {
    return FrameArbitraries.records();
  }
}
