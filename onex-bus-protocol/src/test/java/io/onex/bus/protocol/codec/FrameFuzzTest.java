package io.onex.bus.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile input: random bytes and valid frames mutated at random go through every decoding entry
 * point ({@link FrameCodec#decode}, {@link FrameCodec#commandOf}, {@link PublishView} with {@link
 * EventRecordView}, {@link EventRecordView#wrap} at any offset). Nothing may escape but {@link
 * ProtocolException}, and whatever decodes must re-encode to exactly the same bytes.
 */
class FrameFuzzTest {
  private static final int[] CODES =
      Arrays.stream(Command.values()).mapToInt(Command::code).toArray();

  @Property(tries = 3000, edgeCases = EdgeCasesMode.MIXIN)
  void randomBytesOnlyEverFailWithProtocolException(
      @ForAll("noise") byte[] bytes, @ForAll @IntRange(min = 0, max = 70_000) int maxEvents) {
    Statistics.label("decode").collect(feed(bytes, maxEvents));
  }

  @Property(tries = 4000, edgeCases = EdgeCasesMode.NONE)
  void mutatedFramesOnlyEverFailWithProtocolException(
      @ForAll("frames") Frame frame,
      @ForAll("mutations") List<Mutation> mutations,
      @ForAll @IntRange(min = 1, max = 8) int maxEvents) {
    byte[] bytes = FrameCodec.encode(frame);
    for (Mutation m : mutations) {
      bytes = m.apply(bytes);
    }
    Statistics.label("decode").collect(feed(bytes, maxEvents));
  }

  /**
   * Runs every decoder over {@code bytes} and fails the property if one throws anything but a
   * {@link ProtocolException}. Returns what {@link FrameCodec#decode} made of them, for statistics.
   */
  static String feed(byte[] bytes, int maxEvents) {
    String outcome;
    try {
      assertThat(FrameCodec.commandOf(bytes)).isNotNull();
    } catch (ProtocolException e) {
      assertThat(e.code()).isNotNull();
    }
    try {
      Frame frame = FrameCodec.decode(bytes);
      assertThat(FrameCodec.encode(frame)).isEqualTo(bytes);
      outcome = "decoded";
    } catch (ProtocolException e) {
      assertThat(e.code()).isNotNull();
      outcome = e.code().name();
    }
    try {
      PublishView view = new PublishView().wrap(bytes, maxEvents);
      EventRecordView record = new EventRecordView();
      while (view.hasNext()) {
        view.next(record);
        record.topic();
        record.eventType();
        record.correlationId();
        record.toRecord();
      }
    } catch (ProtocolException e) {
      assertThat(e.code()).isNotNull();
    }
    for (int offset = 0; offset <= bytes.length && offset < 64; offset++) {
      try {
        new EventRecordView().wrap(bytes, offset, bytes.length).toRecord();
      } catch (ProtocolException e) {
        assertThat(e.code()).isNotNull();
      }
    }
    return outcome;
  }

  @Provide
  Arbitrary<byte[]> noise() {
    Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
    Arbitrary<byte[]> headed =
        Combinators.combine(
                Arbitraries.frequency(
                    Tuple.of(12, 1), Tuple.of(1, 0), Tuple.of(1, 2), Tuple.of(1, 255)),
                Arbitraries.integers().between(0, CODES.length),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
            .as(FrameFuzzTest::withHeader);
    return Arbitraries.frequencyOf(Tuple.of(1, any), Tuple.of(4, headed));
  }

  @Provide
  Arbitrary<Frame> frames() {
    return FrameArbitraries.frames();
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return mutation().list().ofMinSize(1).ofMaxSize(3);
  }

  private static byte[] withHeader(int version, int codeIndex, byte[] body) {
    byte[] out = new byte[body.length + 2];
    out[0] = (byte) version;
    out[1] = (byte) (codeIndex < CODES.length ? CODES[codeIndex] : 0x50);
    System.arraycopy(body, 0, out, 2, body.length);
    return out;
  }

  // --- mutations -------------------------------------------------------------------------------

  /** A named change to a frame's bytes, so a failing sample says what was done. */
  record Mutation(String description, UnaryOperator<byte[]> change) {
    byte[] apply(byte[] b) {
      return change.apply(b);
    }

    @Override
    public String toString() {
      return description;
    }
  }

  private static Arbitrary<Mutation> mutation() {
    Arbitrary<Integer> where = Arbitraries.integers().greaterOrEqual(0);
    return Arbitraries.oneOf(
        where.map(w -> new Mutation("truncate@" + w, b -> Arrays.copyOf(b, w % (b.length + 1)))),
        Combinators.combine(where, Arbitraries.bytes())
            .as((w, v) -> new Mutation("set@" + w + "=" + v, b -> set(b, w, v))),
        where.map(w -> new Mutation("flipbit@" + w, b -> flipBit(b, w))),
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMinSize(1)
            .ofMaxSize(16)
            .map(x -> new Mutation("append" + Arrays.toString(x), b -> concat(b, x))),
        Combinators.combine(
                where, Arbitraries.of(-1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 20))
            .as((w, v) -> new Mutation("u32@" + w + "=" + v, b -> putU32(b, w, v))),
        where.map(w -> new Mutation("u32@" + w + "=len+1", b -> putU32(b, w, b.length + 1))),
        where.map(w -> new Mutation("u16@" + w + "=0xFFFF", b -> putU16(b, w, 0xFFFF))),
        where.map(w -> new Mutation("u8@" + w + "=0xFF", b -> set(b, w, (byte) 0xFF))),
        where.map(w -> new Mutation("delete@" + w, b -> delete(b, w))),
        Combinators.combine(where, Arbitraries.bytes())
            .as((w, v) -> new Mutation("insert@" + w + "=" + v, b -> insert(b, w, v))));
  }

  private static byte[] set(byte[] b, int where, byte value) {
    if (b.length == 0) {
      return b;
    }
    byte[] out = b.clone();
    out[where % b.length] = value;
    return out;
  }

  private static byte[] flipBit(byte[] b, int where) {
    if (b.length == 0) {
      return b;
    }
    byte[] out = b.clone();
    int bit = where % (b.length * 8);
    out[bit / 8] ^= (byte) (1 << (bit % 8));
    return out;
  }

  private static byte[] putU32(byte[] b, int where, int value) {
    if (b.length < 4) {
      return b;
    }
    byte[] out = b.clone();
    ByteBuffer.wrap(out).putInt(where % (b.length - 3), value);
    return out;
  }

  private static byte[] putU16(byte[] b, int where, int value) {
    if (b.length < 2) {
      return b;
    }
    byte[] out = b.clone();
    ByteBuffer.wrap(out).putShort(where % (b.length - 1), (short) value);
    return out;
  }

  private static byte[] delete(byte[] b, int where) {
    if (b.length == 0) {
      return b;
    }
    int at = where % b.length;
    byte[] out = new byte[b.length - 1];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, at + 1, out, at, b.length - at - 1);
    return out;
  }

  private static byte[] insert(byte[] b, int where, byte value) {
    int at = where % (b.length + 1);
    byte[] out = new byte[b.length + 1];
    System.arraycopy(b, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(b, at, out, at + 1, b.length - at);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
