package io.onex.bus.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The allocation-free PUBLISH reader the broker's loop uses. */
class PublishViewTest {

  @Test
  void walksTheEventsInOrderAndExposesTheirFields() throws Exception {
    List<EventRecord> events = events(3);
    byte[] frame = FrameCodec.encode(new Frame.Publish(0xFFFFFFFF, events));

    PublishView view = new PublishView().wrap(frame, 3);
    EventRecordView record = new EventRecordView();

    assertThat(view.ref()).isEqualTo(0xFFFFFFFF);
    assertThat(view.count()).isEqualTo(3);
    List<EventRecord> seen = new ArrayList<>();
    while (view.hasNext()) {
      int index = view.index();
      assertThat(view.next(record)).isSameAs(record);
      assertThat(view.index()).isEqualTo(index + 1);
      assertThat(record.buffer()).isSameAs(frame);
      assertThat(new String(frame, record.topicOffset(), record.topicLength(), UTF8))
          .isEqualTo(record.topic());
      assertThat(record.eventTypeLength()).isEqualTo(record.eventType().length());
      seen.add(record.toRecord());
    }
    assertThat(seen).isEqualTo(events);
    assertThat(record.nextOffset()).isEqualTo(frame.length);
  }

  @Test
  void theFirstRecordStartsRightAfterTheHeader() throws Exception {
    byte[] frame = FrameCodec.encode(new Frame.Publish(1, events(1)));

    EventRecordView record = new PublishView().wrap(frame, 1).next(new EventRecordView());

    assertThat(record.recordOffset()).isEqualTo(8);
    assertThat(record.recordLength()).isEqualTo(frame.length - 8);
    assertThat(ByteBuffer.wrap(frame).getInt(8)).isEqualTo(frame.length - 12);
  }

  @Test
  void aBatchAboveTheLimitIsBatchTooLarge() {
    byte[] frame = FrameCodec.encode(new Frame.Publish(1, events(5)));

    assertCode(() -> new PublishView().wrap(frame, 4), ErrorCode.BATCH_TOO_LARGE);
  }

  @Test
  void aBatchAtTheLimitIsFine() throws Exception {
    byte[] frame = FrameCodec.encode(new Frame.Publish(1, events(5)));

    assertThat(new PublishView().wrap(frame, 5).count()).isEqualTo(5);
  }

  @Test
  void theBatchLimitIsCheckedBeforeAnyRecordIsRead() {
    byte[] header = {1, 0x10, 0, 0, 0, 9, (byte) 0xFF, (byte) 0xFF};

    assertCode(() -> new PublishView().wrap(header, 1024), ErrorCode.BATCH_TOO_LARGE);
  }

  @Test
  void zeroEventsIsMalformed() {
    byte[] frame = FrameCodec.encode(new Frame.Publish(1, List.of()));

    assertThat(frame).hasSize(8);
    assertCode(() -> new PublishView().wrap(frame, 1024), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> FrameCodec.decode(frame), ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void trailingBytesAfterTheLastEventFailOnTheLastEvent() throws Exception {
    byte[] good = FrameCodec.encode(new Frame.Publish(1, events(2)));
    byte[] frame = Arrays.copyOf(good, good.length + 1);

    PublishView view = new PublishView().wrap(frame, 2);
    EventRecordView record = new EventRecordView();
    view.next(record);

    assertThat(record.toRecord()).isEqualTo(events(2).get(0));
    assertCode(() -> view.next(record), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> FrameCodec.decode(frame), ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void aBrokenRecordFailsThereAndTheEventsBeforeItAreReadable() throws Exception {
    List<EventRecord> events = events(3);
    byte[] frame = FrameCodec.encode(new Frame.Publish(1, events));
    PublishView probe = new PublishView().wrap(frame, 3);
    EventRecordView record = new EventRecordView();
    probe.next(record);
    int secondAt = record.nextOffset();
    ByteBuffer.wrap(frame).putInt(secondAt, 0x7FFFFFFF);

    PublishView view = new PublishView().wrap(frame, 3);
    view.next(record);

    assertThat(record.toRecord()).isEqualTo(events.get(0));
    assertThat(view.index()).isEqualTo(1);
    assertCode(() -> view.next(record), ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void anotherCommandIsUnexpected() {
    byte[] ping = FrameCodec.encode(new Frame.Ping(1));

    assertCode(() -> new PublishView().wrap(ping, 10), ErrorCode.UNEXPECTED_COMMAND);
  }

  @Test
  void headerErrorsComeFirst() {
    assertCode(() -> new PublishView().wrap(new byte[0], 10), ErrorCode.MALFORMED_FRAME);
    assertCode(
        () -> new PublishView().wrap(new byte[] {2, 0x10}, 10), ErrorCode.UNSUPPORTED_VERSION);
    assertCode(
        () -> new PublishView().wrap(new byte[] {1, 0x10, 0, 0}, 10), ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void aViewCanBeRewrappedForTheNextFrame() throws Exception {
    PublishView view = new PublishView();
    EventRecordView record = new EventRecordView();
    for (int n = 1; n <= 3; n++) {
      byte[] frame = FrameCodec.encode(new Frame.Publish(n, events(n)));
      view.wrap(frame, 3);
      int count = 0;
      while (view.hasNext()) {
        view.next(record);
        count++;
      }
      assertThat(view.ref()).isEqualTo(n);
      assertThat(count).isEqualTo(n);
    }
  }

  @Test
  void recordFieldsMustLieInsideTheRecord() throws Exception {
    EventRecord e = EventRecord.of("a.b", "T", "", "{}".getBytes(UTF8));
    byte[] rec = EventRecords.encode(e);
    // The record claims one byte less than it has: its payload now runs past its end.
    ByteBuffer.wrap(rec).putInt(0, rec.length - 5);

    assertCode(() -> new EventRecordView().wrap(rec, 0, rec.length), ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void recordStringsMustBeUtf8() throws Exception {
    byte[] rec = EventRecords.encode(EventRecord.of("ab", "T", "", new byte[0]));
    rec[6] = (byte) 0xFF; // first byte of the topic

    assertCode(() -> new EventRecordView().wrap(rec, 0, rec.length), ErrorCode.MALFORMED_FRAME);
  }

  static List<EventRecord> events(int n) {
    List<EventRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new EventRecord(
              0,
              "onex.t" + i,
              "NODE_START",
              i % 2 == 0 ? "" : "corr-" + i,
              i % 2 == 0 ? Map.of() : Map.of("k", "v" + i),
              Map.of(),
              ("{\"i\":" + i + "}").getBytes(UTF8)));
    }
    return out;
  }

  static void assertCode(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
