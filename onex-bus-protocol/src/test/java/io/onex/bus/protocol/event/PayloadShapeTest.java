package io.onex.bus.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The broker's outline check: first and last non-blank bytes are braces. */
class PayloadShapeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "{ }",
        "{\"a\":1}",
        " {\"a\":1}\n",
        "\t\r\n {}\r\n\t ",
        "{not json at all}",
        "{\"é\":\"✓\"}"
      })
  void looksLikeAnObject(String payload) {
    assertThat(check(payload)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "\n\t",
        "{",
        "}",
        " { ",
        "[]",
        "[{}]",
        "\"{}\"",
        "null",
        "{]",
        "[}",
        "{}x",
        "x{}",
        "\f{}",
        "{}\u000b",
        "\u00a0{}"
      })
  void doesNotLookLikeAnObject(String payload) {
    assertThat(check(payload)).isFalse();
  }

  @Test
  void looksOnlyAtTheGivenRange() {
    byte[] b = "xx{ }yy".getBytes(StandardCharsets.UTF_8);

    assertThat(PayloadShape.looksLikeJsonObject(b, 2, 3)).isTrue();
    assertThat(PayloadShape.looksLikeJsonObject(b, 1, 4)).isFalse();
    assertThat(PayloadShape.looksLikeJsonObject(b, 2, 4)).isFalse();
    assertThat(PayloadShape.looksLikeJsonObject(b, 2, 0)).isFalse();
    assertThat(PayloadShape.looksLikeJsonObject(b, 7, 0)).isFalse();
  }

  @Test
  void aUtf8BomIsNotBlank() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};

    assertThat(PayloadShape.looksLikeJsonObject(bom, 0, bom.length)).isFalse();
  }

  private static boolean check(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return PayloadShape.looksLikeJsonObject(b, 0, b.length);
  }
}
