package io.onex.bus.jmh;

import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.DeliverWriter;
import io.onex.bus.protocol.codec.EventRecord;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.codec.EventRecords;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.protocol.codec.PublishView;
import io.onex.bus.protocol.codec.WireReader;
import io.onex.bus.protocol.codec.WireWriter;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The protocol codec per event (scores are ns per event; batch methods count {@value
 * Batches#EVENTS} operations per call): encoding an event record as a publisher does, packing and
 * scanning PUBLISH frames as the client and the broker do, building DELIVER frames as the broker
 * does and walking them in place as the client's dispatcher does; plus the object codec ({@link
 * FrameCodec} encode and decode of whole frames) for comparison. JMH's threads only.
 */
public class CodecBenchmark extends MicroBenchmark {
  @Param({"256"})
  public int size;

  private byte[] payload;
  private byte[] record;
  private byte[] publishFrame;
  private byte[] deliverFrame;
  private Frame.Publish publishObject;
  private final WireWriter batch = new WireWriter(64 * 1024);
  private final DeliverWriter deliverWriter = new DeliverWriter(64 * 1024);
  private final PublishView publishView = new PublishView();
  private final EventRecordView view = new EventRecordView();

  @Setup
  public void setUp() {
    payload = Batches.payload(size);
    record = Batches.record(Batches.TOPIC, size);
    publishFrame = Batches.publish(7, Batches.TOPIC, size);
    deliverFrame = Batches.deliver(size);
    List<EventRecord> events = Batches.events(size);
    publishObject = new Frame.Publish(7, events);
  }

  /** The publisher's per-event step: a record straight from its parts. */
  @Benchmark
  public byte[] encodeRecord() {
    return EventRecords.encode(Batches.TOPIC, Batches.EVENT_TYPE, "", Batches.TAGS, payload);
  }

  /** The client I/O thread packing 64 encoded records into one PUBLISH frame. */
  @Benchmark
  @OperationsPerInvocation(Batches.EVENTS)
  public byte[] packPublish() {
    Batches.packPublish(batch, 7, record);
    return batch.toByteArray();
  }

  /** The broker reading a PUBLISH frame's routing headers in place (topic decoded per event). */
  @Benchmark
  @OperationsPerInvocation(Batches.EVENTS)
  public void scanPublish(Blackhole bh) throws ProtocolException {
    publishView.wrap(publishFrame, 0xFFFF);
    while (publishView.hasNext()) {
      publishView.next(view);
      bh.consume(view.topic());
      bh.consume(view.payloadLength());
    }
  }

  /** The broker appending 64 records verbatim to a DELIVER batch and finishing the frame. */
  @Benchmark
  @OperationsPerInvocation(Batches.EVENTS)
  public byte[] buildDeliver() {
    for (int i = 0; i < Batches.EVENTS; i++) {
      deliverWriter.append(
          1, i + 1, 1_700_000_000_000_000L, Batches.PUBLISHER, record, 0, record.length);
    }
    return deliverWriter.finish();
  }

  /** The client's dispatcher walking a DELIVER frame in place, as it does before each handler. */
  @Benchmark
  @OperationsPerInvocation(Batches.EVENTS)
  public void scanDeliver(Blackhole bh) throws ProtocolException {
    WireReader r = new WireReader(deliverFrame);
    r.skip(2);
    int count = r.u16();
    for (int i = 0; i < count; i++) {
      bh.consume(r.u32());
      bh.consume(r.u64());
      bh.consume(r.u64());
      r.skip(r.u8());
      view.wrap(deliverFrame, r.position(), deliverFrame.length);
      r.skip(view.recordLength());
      bh.consume(view.payloadOffset());
    }
  }

  /** The object codec: a PUBLISH of 64 {@link EventRecord}s to bytes. */
  @Benchmark
  @OperationsPerInvocation(Batches.EVENTS)
  public byte[] encodePublishFrame() {
    return FrameCodec.encode(publishObject);
  }

  /** The object codec: a PUBLISH frame of 64 events to records (every field decoded). */
  @Benchmark
  @OperationsPerInvocation(Batches.EVENTS)
  public Frame decodePublishFrame() throws ProtocolException {
    return FrameCodec.decode(publishFrame);
  }

  /** The object codec: a DELIVER frame of 64 deliveries to records (every field decoded). */
  @Benchmark
  @OperationsPerInvocation(Batches.EVENTS)
  public Frame decodeDeliverFrame() throws ProtocolException {
    return FrameCodec.decode(deliverFrame);
  }
}
