package io.onex.bus.jmh;

import io.onex.bus.protocol.codec.Command;
import io.onex.bus.protocol.codec.DeliverWriter;
import io.onex.bus.protocol.codec.EventRecord;
import io.onex.bus.protocol.codec.EventRecords;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.protocol.codec.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The frames the micro-benchmarks feed on: events of one shape (topic {@code bench.jmh}, one tag, a
 * JSON object payload of an exact size) and PUBLISH and DELIVER frames of a batch of them, built
 * the way the client and the broker build theirs. Stateless; any thread.
 */
public final class Batches {
  /** The batch the issue names: 64 events of 256 bytes. */
  public static final int EVENTS = 64;

  public static final String TOPIC = "bench.jmh";
  public static final String EVENT_TYPE = "bench.jmh.v1";
  static final Map<String, String> TAGS = Map.of("region", "eu");
  static final byte[] PUBLISHER = "jmh-publisher".getBytes(StandardCharsets.UTF_8);

  private Batches() {}

  /** A JSON object payload ({@code {"p":"xxx"}}) of exactly {@code size} bytes, size >= 8. */
  public static byte[] payload(int size) {
    return ("{\"p\":\"" + "x".repeat(size - 8) + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** One event record in its wire form, as a publishing client encodes it. */
  public static byte[] record(String topic, int payloadSize) {
    return EventRecords.encode(topic, EVENT_TYPE, "", TAGS, payload(payloadSize));
  }

  /** The same event as a decoded record. */
  static EventRecord event(String topic, int payloadSize) {
    return new EventRecord(0, topic, EVENT_TYPE, "", TAGS, Map.of(), payload(payloadSize));
  }

  static List<EventRecord> events(int payloadSize) {
    List<EventRecord> out = new ArrayList<>(EVENTS);
    for (int i = 0; i < EVENTS; i++) {
      out.add(event(TOPIC, payloadSize));
    }
    return out;
  }

  /**
   * A PUBLISH frame of {@value #EVENTS} pre-encoded records, packed as the client's I/O thread
   * packs them (header, then the records back to back).
   */
  public static byte[] publish(int ref, String topic, int payloadSize) {
    byte[] record = record(topic, payloadSize);
    WireWriter w = new WireWriter(8 + EVENTS * record.length);
    packPublish(w, ref, record);
    return w.toByteArray();
  }

  /** Writes into {@code w} (reset first) a PUBLISH frame of {@value #EVENTS} copies of a record. */
  static void packPublish(WireWriter w, int ref, byte[] record) {
    w.reset().u8(FrameCodec.VERSION).u8(Command.PUBLISH.code()).u32(ref).u16(EVENTS);
    for (int i = 0; i < EVENTS; i++) {
      w.bytes(record);
    }
  }

  /** A DELIVER frame of {@value #EVENTS} deliveries, as the broker builds one for a session. */
  static byte[] deliver(int payloadSize) {
    byte[] record = record(TOPIC, payloadSize);
    DeliverWriter d = new DeliverWriter(EVENTS * (record.length + 64));
    for (int i = 0; i < EVENTS; i++) {
      d.append(1, i + 1, 1_700_000_000_000_000L, PUBLISHER, record, 0, record.length);
    }
    return d.finish();
  }
}
