package io.onex.bus.protocol.codec;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.schema.SchemaViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes whole frames of protocol v1 (see docs/protocol.md for every byte). Decoding
 * checks every length against the frame, rejects trailing bytes and invalid UTF-8, and throws only
 * {@link ProtocolException}. Stateless; any thread.
 */
public final class FrameCodec {
  /** The protocol version this codec speaks: byte 0 of every frame. */
  public static final int VERSION = 1;

  private FrameCodec() {}

  /** The frame as bytes. Oversize strings throw {@link IllegalArgumentException}. */
  public static byte[] encode(Frame frame) {
    WireWriter w = new WireWriter();
    w.u8(VERSION).u8(frame.command().code());
    switch (frame.command()) {
      case HELLO -> writeHello(w, (Frame.Hello) frame);
      case WELCOME -> writeWelcome(w, (Frame.Welcome) frame);
      case PUBLISH -> writePublish(w, (Frame.Publish) frame);
      case SUBSCRIBE -> writeSubscribe(w, (Frame.Subscribe) frame);
      case UNSUBSCRIBE -> {
        Frame.Unsubscribe u = (Frame.Unsubscribe) frame;
        w.u32(u.ref()).u32(u.subscriptionId());
      }
      case CREDIT -> {
        Frame.Credit c = (Frame.Credit) frame;
        w.u32(c.subscriptionId()).u32(c.credit());
      }
      case ACK -> {
        Frame.Ack a = (Frame.Ack) frame;
        w.u32(a.ref()).u32(a.count()).u64(a.sequence());
      }
      case DELIVER -> writeDeliver(w, (Frame.Deliver) frame);
      case GAP -> {
        Frame.Gap g = (Frame.Gap) frame;
        w.u32(g.subscriptionId()).u64(g.lost()).u64(g.firstSequence()).u64(g.lastSequence());
      }
      case BACKPRESSURE -> {
        Frame.Backpressure b = (Frame.Backpressure) frame;
        w.u8(b.on() ? 1 : 0).str8(b.scope(), "scope").u64(b.queuedBytes()).u64(b.highWaterBytes());
      }
      case ERROR -> writeError(w, (Frame.Error) frame);
      case SCHEMA_ERROR -> writeSchemaError(w, (Frame.SchemaError) frame);
      case PING -> w.u64(((Frame.Ping) frame).nonce());
      case PONG -> w.u64(((Frame.Pong) frame).nonce());
      case BYE -> {
        Frame.Bye b = (Frame.Bye) frame;
        w.u16(b.reasonCode()).str16(b.reason(), "reason");
      }
    }
    return w.toByteArray();
  }

  /** The frame these bytes encode. */
  public static Frame decode(byte[] bytes) throws ProtocolException {
    WireReader r = new WireReader(bytes);
    Command command = readHeader(r, null);
    Frame frame =
        switch (command) {
          case HELLO -> new Frame.Hello(r.str8(), r.str8(), r.str16(), r.stringMap());
          case WELCOME ->
              new Frame.Welcome(
                  r.u64(), r.str8(), r.u32(), r.u32(), r.u32(), r.u64(), r.u64(), r.stringMap());
          case PUBLISH -> decodePublish(bytes);
          case SUBSCRIBE ->
              new Frame.Subscribe(
                  r.u32(), r.u32(), r.str8(), r.u32(), r.u8(), r.u32(), r.stringMap());
          case UNSUBSCRIBE -> new Frame.Unsubscribe(r.u32(), r.u32());
          case CREDIT -> new Frame.Credit(r.u32(), r.u32());
          case ACK -> new Frame.Ack(r.u32(), r.u32(), r.u64());
          case DELIVER -> decodeDeliver(r);
          case GAP -> new Frame.Gap(r.u32(), r.u64(), r.u64(), r.u64());
          case BACKPRESSURE -> decodeBackpressure(r);
          case ERROR -> new Frame.Error(r.u32(), r.u16(), r.u16(), r.str16(), r.str16());
          case SCHEMA_ERROR -> decodeSchemaError(r);
          case PING -> new Frame.Ping(r.u64());
          case PONG -> new Frame.Pong(r.u64());
          case BYE -> new Frame.Bye(r.u16(), r.str16());
        };
    if (command != Command.PUBLISH) {
      r.expectEnd(command.name());
    }
    return frame;
  }

  /**
   * Reads version and command. {@code expected} non-null insists on that command. Package-private
   * so the flyweight readers share the one header check.
   */
  static Command readHeader(WireReader r, Command expected) throws ProtocolException {
    if (r.remaining() < 2) {
      throw new ProtocolException(
          ErrorCode.MALFORMED_FRAME, "frame of " + r.remaining() + " bytes has no header", "");
    }
    int version = r.u8();
    if (version != VERSION) {
      throw new ProtocolException(
          ErrorCode.UNSUPPORTED_VERSION,
          "protocol version " + version + " is not supported; this bus speaks " + VERSION,
          "version=" + version);
    }
    int code = r.u8();
    Command command = Command.fromCode(code);
    if (command == null) {
      throw new ProtocolException(
          ErrorCode.UNKNOWN_COMMAND,
          "unknown command 0x" + Integer.toHexString(code),
          "command=0x" + Integer.toHexString(code));
    }
    if (expected != null && command != expected) {
      throw new ProtocolException(
          ErrorCode.UNEXPECTED_COMMAND,
          "expected " + expected + " but got " + command,
          command.name());
    }
    return command;
  }

  /** Peeks at the command of a frame without decoding it. */
  public static Command commandOf(byte[] bytes) throws ProtocolException {
    return readHeader(new WireReader(bytes), null);
  }

  private static void writeHello(WireWriter w, Frame.Hello h) {
    w.str8(h.nodeId(), "node_id")
        .str8(h.clientName(), "client_name")
        .str16(h.authProof(), "auth_proof")
        .stringMap(h.properties(), "properties");
  }

  private static void writeWelcome(WireWriter w, Frame.Welcome x) {
    w.u64(x.sessionId())
        .str8(x.busName(), "bus")
        .u32(x.maxFrameBytes())
        .u32(x.maxBatchEvents())
        .u32(x.defaultCredit())
        .u64(x.brokerTimeMicros())
        .u64(x.lastSequence())
        .stringMap(x.properties(), "properties");
  }

  private static void writePublish(WireWriter w, Frame.Publish p) {
    w.u32(p.ref()).u16(checkedCount(p.events().size()));
    p.events().forEach(e -> EventRecords.write(w, e));
  }

  private static void writeSubscribe(WireWriter w, Frame.Subscribe s) {
    w.u32(s.ref())
        .u32(s.subscriptionId())
        .str8(s.pattern(), "pattern")
        .u32(s.queueSize())
        .u8(s.dropPolicy())
        .u32(s.initialCredit())
        .stringMap(s.properties(), "properties");
  }

  private static void writeDeliver(WireWriter w, Frame.Deliver d) {
    w.u16(checkedCount(d.deliveries().size()));
    for (Delivery x : d.deliveries()) {
      w.u32(x.subscriptionId()).u64(x.sequence()).u64(x.brokerTimeMicros());
      w.str8(x.publisherNodeId(), "publisher_node_id");
      EventRecords.write(w, x.event());
    }
  }

  private static void writeError(WireWriter w, Frame.Error e) {
    w.u32(e.ref())
        .u16(e.index())
        .u16(e.code())
        .str16(e.message(), "message")
        .str16(e.offending(), "offending");
  }

  private static void writeSchemaError(WireWriter w, Frame.SchemaError e) {
    w.u32(e.ref())
        .u16(e.index())
        .u16(e.code())
        .str16(e.message(), "message")
        .str8(e.schemaHash(), "schema_hash")
        .str8(e.schemaTopic(), "schema_topic")
        .u32((int) e.schemaVersion())
        .u16(checkedCount(e.violations().size()));
    for (SchemaViolation v : e.violations()) {
      w.str16(v.pointer(), "pointer").str16(v.message(), "violation message");
    }
    w.str16(e.offending(), "offending");
  }

  private static Frame.SchemaError decodeSchemaError(WireReader r) throws ProtocolException {
    int ref = r.u32();
    int index = r.u16();
    int code = r.u16();
    String message = r.str16();
    String hash = r.str8();
    String topic = r.str8();
    long version = r.u32() & 0xFFFF_FFFFL;
    int count = r.u16();
    List<SchemaViolation> violations = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      violations.add(new SchemaViolation(r.str16(), r.str16()));
    }
    return new Frame.SchemaError(
        ref, index, code, message, hash, topic, version, violations, r.str16());
  }

  private static Frame.Publish decodePublish(byte[] bytes) throws ProtocolException {
    PublishView view = new PublishView().wrap(bytes, 0xFFFF);
    EventRecordView record = new EventRecordView();
    List<EventRecord> events = new ArrayList<>(view.count());
    while (view.hasNext()) {
      events.add(view.next(record).toRecord());
    }
    return new Frame.Publish(view.ref(), events);
  }

  private static Frame.Backpressure decodeBackpressure(WireReader r) throws ProtocolException {
    int state = r.u8();
    if (state > 1) {
      throw new ProtocolException(
          ErrorCode.MALFORMED_FRAME,
          "BACKPRESSURE state must be 0 (off) or 1 (on)",
          Integer.toString(state));
    }
    return new Frame.Backpressure(state == 1, r.str8(), r.u64(), r.u64());
  }

  private static Frame.Deliver decodeDeliver(WireReader r) throws ProtocolException {
    int count = r.u16();
    List<Delivery> deliveries = new ArrayList<>(count);
    EventRecordView record = new EventRecordView();
    for (int i = 0; i < count; i++) {
      int sub = r.u32();
      long seq = r.u64();
      long time = r.u64();
      String node = r.str8();
      record.wrap(r.buffer(), r.position(), r.buffer().length);
      r.skip(record.recordLength());
      deliveries.add(new Delivery(sub, seq, time, node, record.toRecord()));
    }
    return new Frame.Deliver(deliveries);
  }

  private static int checkedCount(int n) {
    if (n > 0xFFFF) {
      throw new IllegalArgumentException("a frame carries at most 65535 events, not " + n);
    }
    return n;
  }
}
