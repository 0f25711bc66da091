package io.onex.bus.protocol.codec;

import io.onex.bus.protocol.schema.SchemaViolation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of arbitrary frames for the property tests: strings of every UTF-8 width up to their
 * field's byte limit (including exactly the limit), maps up to 255 entries, payloads of random
 * bytes, and integer fields that favour their edges (0, 0xFFFFFFFF, Long.MIN/MAX...).
 */
final class FrameArbitraries {
  static final int STR8 = 0xFF;
  static final int STR16 = 0xFFFF;

  private FrameArbitraries() {}

  static Arbitrary<Frame> frames() {
    return Arbitraries.oneOf(
        hello(),
        welcome(),
        publish(),
        subscribe(),
        Combinators.combine(u32(), u32()).as(Frame.Unsubscribe::new),
        Combinators.combine(u32(), u32()).as(Frame.Credit::new),
        Combinators.combine(u32(), u32(), u64()).as(Frame.Ack::new),
        deliver(),
        Combinators.combine(u32(), u16(), u16(), str16(), str16()).as(Frame.Error::new),
        u64().map(Frame.Ping::new),
        u64().map(Frame.Pong::new),
        Combinators.combine(u16(), str16()).as(Frame.Bye::new),
        Combinators.combine(u32(), u64(), u64(), u64()).as(Frame.Gap::new),
        Combinators.combine(Arbitraries.of(true, false), str8(), u64(), u64())
            .as(Frame.Backpressure::new),
        schemaError());
  }

  static Arbitrary<Frame> schemaError() {
    Arbitrary<List<SchemaViolation>> violations =
        Combinators.combine(str16(), str16()).as(SchemaViolation::new).list().ofMaxSize(4);
    return Combinators.combine(
            Combinators.combine(u32(), u16(), u16(), str16()).as(Tuple::of),
            str8(),
            str8(),
            u32(),
            violations,
            str16())
        .as(
            (head, hash, topic, version, list, offending) ->
                new Frame.SchemaError(
                    head.get1(),
                    head.get2(),
                    head.get3(),
                    head.get4(),
                    hash,
                    topic,
                    version & 0xFFFF_FFFFL,
                    list,
                    offending));
  }

  static Arbitrary<Frame> hello() {
    return Combinators.combine(str8(), str8(), str16(), stringMaps()).as(Frame.Hello::new);
  }

  static Arbitrary<Frame> welcome() {
    return Combinators.combine(u64(), str8(), u32(), u32(), u32(), u64(), u64(), stringMaps())
        .as(Frame.Welcome::new);
  }

  static Arbitrary<Frame> publish() {
    return Combinators.combine(u32(), records().list().ofMinSize(1).ofMaxSize(6))
        .as(Frame.Publish::new);
  }

  static Arbitrary<Frame> subscribe() {
    return Combinators.combine(u32(), u32(), str8(), u32(), u8(), u32(), stringMaps())
        .as(Frame.Subscribe::new);
  }

  static Arbitrary<Frame> deliver() {
    return deliveries().list().ofMaxSize(5).map(Frame.Deliver::new);
  }

  static Arbitrary<Delivery> deliveries() {
    return Combinators.combine(u32(), u64(), u64(), str8(), records()).as(Delivery::new);
  }

  static Arbitrary<EventRecord> records() {
    return Combinators.combine(u8(), str8(), str8(), str8(), stringMaps(), stringMaps(), payloads())
        .as(EventRecord::new);
  }

  static Arbitrary<byte[]> payloads() {
    return Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
        Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1000).ofMaxSize(20_000)),
        Tuple.of(2, Arbitraries.just(new byte[0])));
  }

  // --- integers: unsigned wire values held in Java's signed types ------------------------------

  static Arbitrary<Integer> u8() {
    return Arbitraries.integers().between(0, 0xFF);
  }

  static Arbitrary<Integer> u16() {
    return Arbitraries.integers().between(0, 0xFFFF);
  }

  /** Any int; -1 is 0xFFFFFFFF on the wire. */
  static Arbitrary<Integer> u32() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers()),
        Tuple.of(1, Arbitraries.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE)));
  }

  static Arbitrary<Long> u64() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.longs()),
        Tuple.of(1, Arbitraries.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFFFFFFL)));
  }

  // --- strings and maps ------------------------------------------------------------------------

  static Arbitrary<String> str8() {
    return text(STR8);
  }

  static Arbitrary<String> str16() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, text(STR8)), Tuple.of(2, unicode(STR16, 2000)), Tuple.of(1, exactly(STR16)));
  }

  /** Strings of at most {@code maxBytes} UTF-8 bytes: ASCII, any Unicode, or exactly the limit. */
  static Arbitrary<String> text(int maxBytes) {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().ascii().ofMaxLength(Math.min(maxBytes, 40))),
        Tuple.of(4, unicode(maxBytes, 120)),
        Tuple.of(1, exactly(maxBytes)));
  }

  /** Up to {@code maxCodePoints} code points of every UTF-8 width, cut at {@code maxBytes}. */
  static Arbitrary<String> unicode(int maxBytes, int maxCodePoints) {
    Arbitrary<Integer> codePoint =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 0x7F),
            Arbitraries.integers().between(0x80, 0x7FF),
            Arbitraries.integers().between(0x800, 0xD7FF),
            Arbitraries.integers().between(0xE000, 0xFFFF),
            Arbitraries.integers().between(0x10000, 0x10FFFF));
    return codePoint.list().ofMaxSize(maxCodePoints).map(cps -> cut(cps, maxBytes));
  }

  /** Strings of exactly {@code bytes} UTF-8 bytes, built of characters of one width. */
  static Arbitrary<String> exactly(int bytes) {
    return Arbitraries.of("a", "é", "€", "😀").map(unit -> fill(unit, bytes));
  }

  static Arbitrary<Map<String, String>> stringMaps() {
    Arbitrary<String> small = text(60);
    Arbitrary<String> tiny = Arbitraries.strings().alpha().ofMaxLength(6);
    return Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.just(Map.of())),
        Tuple.of(24, Arbitraries.maps(text(STR8), small).ofMaxSize(4).map(LinkedHashMap::new)),
        Tuple.of(1, Arbitraries.maps(tiny, tiny).ofSize(255).map(LinkedHashMap::new)),
        Tuple.of(
            1,
            Combinators.combine(exactly(STR8), exactly(STR16))
                .as((k, v) -> Map.<String, String>of(k, v))));
  }

  private static String cut(List<Integer> codePoints, int maxBytes) {
    StringBuilder b = new StringBuilder();
    int bytes = 0;
    for (int cp : codePoints) {
      int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + n > maxBytes) {
        break;
      }
      b.appendCodePoint(cp);
      bytes += n;
    }
    return b.toString();
  }

  private static String fill(String unit, int bytes) {
    int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (; n + unitBytes <= bytes; n += unitBytes) {
      b.append(unit);
    }
    for (; n < bytes; n++) {
      b.append('a');
    }
    return b.toString();
  }
}
