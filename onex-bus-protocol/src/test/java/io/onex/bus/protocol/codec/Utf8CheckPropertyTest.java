package io.onex.bus.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The UTF-8 check, whose ASCII test reads eight bytes at a time, accepts a window of any array at
 * any offset exactly when the JDK's strict decoder does, and decodes it to the same string. The
 * bytes are mostly ASCII with a few high bytes at random places, where a word-wise test could go
 * wrong (the first or last word of an unaligned window, the tail shorter than a word).
 */
class Utf8CheckPropertyTest {
  @Property(tries = 3000)
  void agreesWithTheStrictDecoderOnEveryWindow(
      @ForAll("mostlyAscii") byte[] bytes,
      @ForAll @IntRange(min = 0, max = 40) int from,
      @ForAll @IntRange(min = 0, max = 40) int cut) {
    int off = Math.min(from, bytes.length);
    int len = Math.max(0, bytes.length - off - cut);
    String expected = strict(bytes, off, len);

    String decoded;
    boolean checked;
    try {
      decoded = WireReader.decodeUtf8(bytes, off, len);
    } catch (ProtocolException e) {
      decoded = null;
    }
    try {
      WireReader.checkUtf8(bytes, off, len);
      checked = true;
    } catch (ProtocolException e) {
      checked = false;
    }

    assertThat(decoded).isEqualTo(expected);
    assertThat(checked).isEqualTo(expected != null);
  }

  @Provide
  Arbitrary<byte[]> mostlyAscii() {
    Arbitrary<Byte> ascii = Arbitraries.bytes().between((byte) 0, (byte) 0x7F);
    Arbitrary<Byte> any = Arbitraries.bytes();
    return Arbitraries.frequencyOf(Tuple.of(30, ascii), Tuple.of(1, any))
        .array(byte[].class)
        .ofMaxSize(80);
  }

  private static String strict(byte[] b, int off, int len) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, off, len))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
