package io.onex.bus.protocol.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The topic and pattern grammar, edge case by edge case, with the code of every rejection. */
class TopicGrammarTest {
  private static final ErrorCode TOPIC = ErrorCode.INVALID_TOPIC;
  private static final ErrorCode WILDCARD = ErrorCode.WILDCARD_IN_PUBLISH;
  private static final ErrorCode PATTERN = ErrorCode.INVALID_PATTERN;

  // --- published topics -------------------------------------------------------------------------

  static Stream<Arguments> validTopics() {
    return Stream.of(
        arguments("one token", "a"),
        arguments("ONEX style", "onex.evt.platform.node-heartbeat.v1"),
        arguments("upper case", "ONEX.Evt"),
        arguments("system topic", "$onex.bus.user.lifecycle"),
        arguments("lone $", "$"),
        arguments("$ inside a token", "a$.b$c"),
        arguments("$ starting a later token", "a.$b"),
        arguments("punctuation", "a-b_c/d#e:f@g+h"),
        arguments("non-ASCII", "café.日本.ünïcödé"),
        arguments("supplementary plane", "emoji.😀"),
        arguments("zero-width space is not whitespace", "a\u200bb"),
        arguments("255 bytes", "a".repeat(255)),
        arguments("255 bytes of 2-byte characters and one ASCII", "é".repeat(127) + "a"),
        arguments("32 tokens", tokens(32)),
        arguments("32 tokens of 7 bytes (255 bytes)", "abcdefg.".repeat(31) + "abcdefg"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validTopics")
  void acceptsTopic(String why, String topic) {
    assertThatCode(() -> Topics.validateLiteral(topic)).doesNotThrowAnyException();
  }

  static Stream<Arguments> invalidTopics() {
    return Stream.of(
        arguments("empty", "", TOPIC),
        arguments("lone dot", ".", TOPIC),
        arguments("empty middle token", "a..b", TOPIC),
        arguments("leading dot", ".a", TOPIC),
        arguments("trailing dot", "a.", TOPIC),
        arguments("two trailing dots", "a..", TOPIC),
        arguments("space", "a b", TOPIC),
        arguments("leading space", " a", TOPIC),
        arguments("trailing space", "a ", TOPIC),
        arguments("space token", "a. .b", TOPIC),
        arguments("tab", "a\tb", TOPIC),
        arguments("newline", "a\nb", TOPIC),
        arguments("carriage return", "a\rb", TOPIC),
        arguments("NUL", "a\u0000b", TOPIC),
        arguments("escape", "a\u001bb", TOPIC),
        arguments("DEL", "a\u007fb", TOPIC),
        arguments("C1 control NEL", "a\u0085b", TOPIC),
        arguments("no-break space", "a\u00a0b", TOPIC),
        arguments("figure space", "a\u2007b", TOPIC),
        arguments("narrow no-break space", "a\u202fb", TOPIC),
        arguments("ideographic space", "a\u3000b", TOPIC),
        arguments("line separator", "a\u2028b", TOPIC),
        arguments("256 bytes", "a".repeat(256), TOPIC),
        arguments("256 bytes of 2-byte characters", "é".repeat(128), TOPIC),
        arguments("253 ASCII + one 3-byte character", "a".repeat(253) + "€", TOPIC),
        arguments("33 tokens", tokens(33), TOPIC),
        arguments("wildcard *", "a.*", WILDCARD),
        arguments("wildcard >", "a.>", WILDCARD),
        arguments("lone *", "*", WILDCARD),
        arguments("lone >", ">", WILDCARD),
        arguments("* inside a token", "a*b", WILDCARD),
        arguments("> inside a token", "x>y", WILDCARD),
        arguments("* in the middle", "a.*.b", WILDCARD),
        arguments("> in a system topic", "$onex.>", WILDCARD),
        arguments("shape is checked before wildcards", "a..*", TOPIC),
        arguments("whitespace is checked before wildcards", "a *", TOPIC));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidTopics")
  void rejectsTopic(String why, String topic, ErrorCode code) {
    assertThatThrownBy(() -> Topics.validateLiteral(topic))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.getMessage()).isNotBlank();
            });
  }

  @Test
  void systemTopicsAreThoseWhoseFirstCharacterIsDollar() {
    assertThat(Topics.isSystem("$onex.bus.user.lifecycle")).isTrue();
    assertThat(Topics.isSystem("$")).isTrue();
    assertThat(Topics.isSystem("a.$b")).isFalse();
    assertThat(Topics.isSystem("onex")).isFalse();
    assertThat(Topics.isSystem("")).isFalse();
  }

  @Test
  void limitsAreWhatTheDocumentationSays() {
    assertThat(Topics.MAX_BYTES).isEqualTo(255);
    assertThat(Topics.MAX_TOKENS).isEqualTo(32);
    assertThat("é".repeat(127).getBytes(StandardCharsets.UTF_8)).hasSize(254);
  }

  @Test
  void offendingTopicIsQuotedAndTruncated() {
    String topic = "a ".repeat(100) + "b";
    assertThatThrownBy(() -> Topics.validateLiteral(topic))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.offending()).startsWith("a a ").endsWith("…").hasSize(121));
  }

  // --- subscription patterns --------------------------------------------------------------------

  static Stream<Arguments> validPatterns() {
    return Stream.of(
        arguments("literal", "a.b", true),
        arguments("one token", "a", true),
        arguments("lone *", "*", false),
        arguments("lone >", ">", false),
        arguments("* last", "a.*", false),
        arguments("> last", "a.>", false),
        arguments("* first", "*.b", false),
        arguments("* twice", "*.*", false),
        arguments("* then >", "*.>", false),
        arguments("mixed", "a.*.c.>", false),
        arguments("system, literal", "$onex.bus.user.lifecycle", true),
        arguments("system, wildcards", "$onex.bus.*.>", false),
        arguments("non-ASCII", "café.*", false),
        arguments("255 bytes", "a".repeat(253) + ".>", false),
        arguments("32 tokens", tokens(31) + ".>", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validPatterns")
  void parsesPattern(String why, String text, boolean literal) throws ProtocolException {
    TopicPattern p = TopicPattern.parse(text);

    assertThat(p.text()).isEqualTo(text);
    assertThat(p.toString()).isEqualTo(text);
    assertThat(p.isLiteral()).isEqualTo(literal);
    assertThat(String.join(".", p.tokens())).isEqualTo(text);
    assertThat(p).isEqualTo(TopicPattern.parse(text)).hasSameHashCodeAs(TopicPattern.parse(text));
  }

  static Stream<Arguments> invalidPatterns() {
    return Stream.of(
        arguments("empty", ""),
        arguments("lone dot", "."),
        arguments("empty middle token", "a..b"),
        arguments("leading dot", ".a"),
        arguments("trailing dot", "a."),
        arguments("trailing dot after >", "a.>."),
        arguments("> not last", "a.>.b"),
        arguments("> first of two", ">.a"),
        arguments("> twice", ">.>"),
        arguments("*x", "*x"),
        arguments("x*", "x*"),
        arguments("a.b*", "a.b*"),
        arguments(">x", ">x"),
        arguments("x>", "x>"),
        arguments("**", "**"),
        arguments(">>", ">>"),
        arguments("*>", "*>"),
        arguments("space", "a *"),
        arguments("tab", "a.\t"),
        arguments("control", "a.\u0001"),
        arguments("no-break space", "a.\u00a0"),
        arguments("256 bytes", "a".repeat(254) + ".>"),
        arguments("33 tokens", tokens(32) + ".>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPatterns")
  void rejectsPattern(String why, String text) {
    assertThatThrownBy(() -> TopicPattern.parse(text))
        .isInstanceOfSatisfying(
            ProtocolException.class, e -> assertThat(e.code()).isEqualTo(PATTERN));
  }

  // --- matching, by example ---------------------------------------------------------------------

  static Stream<Arguments> matches() {
    return Stream.of(
        arguments("a.b", "a.b", true),
        arguments("a.b", "a.b.c", false),
        arguments("a.b", "a", false),
        arguments("a.b", "A.b", false),
        arguments("A.b", "a.b", false),
        arguments("a.*", "a.b", true),
        arguments("a.*", "A.b", false),
        arguments("a.*", "a", false),
        arguments("a.*", "a.b.c", false),
        arguments("*", "a", true),
        arguments("*", "a.b", false),
        arguments("*.b", "a.b", true),
        arguments("*.b", "ab", false),
        arguments("a.>", "a", false),
        arguments("a.>", "a.b", true),
        arguments("a.>", "a.b.c", true),
        arguments("a.>", "ab.c", false),
        arguments("a.>", "b.a.c", false),
        arguments(">", "a", true),
        arguments(">", "a.b.c", true),
        arguments("a.*.c.>", "a.b.c.d", true),
        arguments("a.*.c.>", "a.b.c", false),
        arguments("a.*.c", "a.bb.c", true),
        arguments("ab.*", "a.b", false),
        arguments("a.*", "ab.c", false),
        arguments("*", "$onex", false),
        arguments(">", "$onex.bus.user.lifecycle", false),
        arguments("*.bus.>", "$onex.bus.user", false),
        arguments("*.b", "$.b", false),
        arguments("$onex.>", "$onex.bus.user.lifecycle", true),
        arguments("$onex.bus.*.lifecycle", "$onex.bus.user.lifecycle", true),
        arguments("$onex.bus.user.lifecycle", "$onex.bus.user.lifecycle", true),
        arguments("a.>", "a.$b", true),
        arguments("a.*", "a.$b", true),
        arguments("café.*", "café.x", true),
        arguments("café.*", "cafe.x", false));
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @MethodSource("matches")
  void matchesByExample(String pattern, String topic, boolean expected) throws ProtocolException {
    Topics.validateLiteral(topic);
    assertThat(TopicPattern.parse(pattern).matches(topic)).isEqualTo(expected);
  }

  private static String tokens(int n) {
    return String.join(".", java.util.Collections.nCopies(n, "t"));
  }
}
