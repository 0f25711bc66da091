package io.onex.bus.protocol.codec;

import static io.onex.bus.protocol.codec.PublishViewTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.protocol.ErrorCode;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bounds checks and strict UTF-8. */
class WireReaderTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "lone continuation byte, 80",
    "overlong NUL, c080",
    "overlong slash, c0af",
    "overlong 3-byte, e08080",
    "overlong 4-byte, f0808080",
    "encoded high surrogate, eda080",
    "encoded low surrogate, edb080",
    "CESU-8 surrogate pair, eda080edb080",
    "above U+10FFFF, f4908080",
    "5-byte form, f888808080",
    "byte FE, fe",
    "byte FF, ff",
    "truncated 2-byte, c3",
    "truncated 3-byte, e282",
    "truncated 4-byte, f09f98",
    "ASCII then bad, 61ff62",
  })
  void rejectsInvalidUtf8(String why, String hex) {
    byte[] s = HEX.parseHex(hex);
    byte[] str8 = new byte[s.length + 1];
    str8[0] = (byte) s.length;
    System.arraycopy(s, 0, str8, 1, s.length);

    assertCode(() -> WireReader.decodeUtf8(s, 0, s.length), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> new WireReader(str8).str8(), ErrorCode.MALFORMED_FRAME);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "empty, '', ''",
    "e acute, c3a9, é",
    "euro, e282ac, €",
    "U+FFFF, efbfbf, \uffff",
    "BOM, efbbbf, \ufeff",
    "emoji, f09f9880, 😀",
    "U+10FFFF, f48fbfbf, \udbff\udfff",
  })
  void acceptsValidUtf8(String why, String hex, String expected) throws Exception {
    byte[] s = HEX.parseHex(hex);

    assertThat(WireReader.decodeUtf8(s, 0, s.length)).isEqualTo(expected);
  }

  @Test
  void nulIsValidUtf8() throws Exception {
    assertThat(WireReader.decodeUtf8(new byte[] {0}, 0, 1)).isEqualTo("\0");
  }

  @Test
  void decodesOnlyTheGivenRange() throws Exception {
    byte[] b = {(byte) 0xFF, 'o', 'k', (byte) 0xFF};

    assertThat(WireReader.decodeUtf8(b, 1, 2)).isEqualTo("ok");
  }

  @Test
  void integersAreBigEndianAndUnsigned() throws Exception {
    WireReader r = new WireReader(HEX.parseHex("ff" + "fffe" + "fffffffd" + "8000000000000001"));

    assertThat(r.u8()).isEqualTo(255);
    assertThat(r.u16()).isEqualTo(0xFFFE);
    assertThat(r.u32()).isEqualTo(0xFFFFFFFD);
    assertThat(r.u64()).isEqualTo(0x8000000000000001L);
    assertThat(r.remaining()).isZero();
    r.expectEnd("test");
  }

  @Test
  void everyReadPastTheEndIsMalformed() {
    assertCode(() -> new WireReader(new byte[0]).u8(), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> new WireReader(new byte[1]).u16(), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> new WireReader(new byte[3]).u32(), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> new WireReader(new byte[7]).u64(), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> new WireReader(new byte[] {3, 'a', 'b'}).str8(), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> new WireReader(new byte[] {0, 2, 'a'}).str16(), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> new WireReader(new byte[2]).bytes(3), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> new WireReader(new byte[2]).skip(3), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> new WireReader(new byte[2]).skip(-1), ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void aReaderStopsAtItsLimitNotTheArrayEnd() {
    byte[] b = {1, 2, 3, 4, 5, 6};

    assertCode(() -> new WireReader(b, 2, 4).u32(), ErrorCode.MALFORMED_FRAME);
  }

  @Test
  void length32MustFitTheRest() throws Exception {
    assertCode(
        () -> new WireReader(HEX.parseHex("ffffffff00")).length32("x"), ErrorCode.MALFORMED_FRAME);
    assertCode(
        () -> new WireReader(HEX.parseHex("0000000200")).length32("x"), ErrorCode.MALFORMED_FRAME);
    assertThat(new WireReader(HEX.parseHex("0000000100")).length32("x")).isEqualTo(1);
  }

  @Test
  void mapsKeepOrderAndRejectDuplicateKeys() throws Exception {
    byte[] map = HEX.parseHex("02" + "0162" + "000131" + "0161" + "000132");
    Map<String, String> m = new WireReader(map).stringMap();

    assertThat(m).containsExactly(Map.entry("b", "1"), Map.entry("a", "2"));
    byte[] dup = HEX.parseHex("02" + "0161" + "000131" + "0161" + "000132");
    assertCode(() -> new WireReader(dup).stringMap(), ErrorCode.MALFORMED_FRAME);
    assertThat(new WireReader(new byte[] {0}).stringMap()).isEmpty();
  }

  @Test
  void trailingBytesAreAnError() {
    assertCode(() -> new WireReader(new byte[1]).expectEnd("x"), ErrorCode.MALFORMED_FRAME);
  }
}
