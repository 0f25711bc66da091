package io.onex.bus.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry codec and {@link RequestBody}'s typed reads, edge by edge. */
class RegistryCodecTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static RegistryRequest decode(String command, String body) throws ProtocolException {
    return RegistryCodec.decodeRequest(utf8(command), utf8(body));
  }

  private static RequestBody body(String json) throws ProtocolException {
    return decode("QUERY", json).body();
  }

  private static void refused(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private static ProtocolException refusal(ThrowingCallable call) {
    try {
      call.call();
    } catch (ProtocolException e) {
      return e;
    } catch (Throwable t) {
      throw new AssertionError("expected a ProtocolException, got " + t, t);
    }
    throw new AssertionError("expected a ProtocolException, got none");
  }

  // ------------------------------------------------------------------------ decodeRequest

  @Nested
  class DecodeRequest {
    @Test
    void everyCommandIsItsNameInAscii() throws Exception {
      for (RegistryCommand c : RegistryCommand.values()) {
        RegistryRequest r = RegistryCodec.decodeRequest(c.wire(), utf8("{}"));
        assertThat(r.command()).isEqualTo(c);
        assertThat(new String(c.wire(), StandardCharsets.US_ASCII)).isEqualTo(c.name());
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "register", "REGISTER ", " QUERY", "QUERY\u0000", "PING", "OK"})
    void otherCommandFramesAreUnknown(String command) {
      ProtocolException e = refusal(() -> decode(command, "{}"));
      assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
      assertThat(e.getMessage()).contains("REGISTER", "QUERY");
    }

    @Test
    void anUnprintableCommandIsShownEscaped() {
      ProtocolException e =
          refusal(
              () -> RegistryCodec.decodeRequest(new byte[] {'Q', 0x00, (byte) 0xff}, utf8("{}")));
      assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
      assertThat(e.offending()).isEqualTo("Q\\x00\\xff");
    }

    @Test
    void theCommandIsCheckedBeforeTheBody() {
      refused(() -> decode("NOPE", "not json"), ErrorCode.UNKNOWN_COMMAND);
      byte[] big = new byte[RegistryCodec.MAX_BODY_BYTES + 1];
      refused(() -> RegistryCodec.decodeRequest(utf8("NOPE"), big), ErrorCode.UNKNOWN_COMMAND);
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadAndOneByteMoreIsTooLarge() throws Exception {
      String head = "{\"request_id\":\"big\",\"pad\":\"";
      String fits = head + "a".repeat(RegistryCodec.MAX_BODY_BYTES - head.length() - 2) + "\"}";
      assertThat(utf8(fits)).hasSize(65536);
      assertThat(decode("QUERY", fits).requestId()).isEqualTo("big");

      String over = head + "a".repeat(RegistryCodec.MAX_BODY_BYTES - head.length() - 1) + "\"}";
      ProtocolException e = refusal(() -> decode("QUERY", over));
      assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
      assertThat(e.getMessage()).contains("65537", "65536");
    }

    @Test
    void theLimitCountsBytesNotCharacters() {
      // 'é' is two bytes: 32 768 of them are 65 536 bytes of string alone, over the limit.
      String body = "{\"pad\":\"" + "é".repeat(32_768) + "\"}";
      refused(() -> decode("QUERY", body), ErrorCode.FRAME_TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          " ",
          "null",
          "[]",
          "[{}]",
          "\"text\"",
          "42",
          "true",
          "{",
          "{\"a\":}",
          "{a:1}"
        })
    void aBodyThatIsNotOneJsonObjectIsInvalid(String json) {
      ProtocolException e = refusal(() -> decode("QUERY", json));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
      assertThat(e.offending()).isEqualTo(json);
    }

    @Test
    void invalidUtf8IsInvalid() {
      byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
      refused(() -> RegistryCodec.decodeRequest(utf8("QUERY"), body), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void whitespaceAroundTheObjectAndEscapedCharactersAreFine() throws Exception {
      RegistryRequest r = decode("QUERY", " \n{ \"what\" : \"n\\u00f6des\" }\t");
      assertThat(r.body().text("what", null)).isEqualTo("nödes");
    }

    @Test
    void requestIdIsTheStringGivenOrEmpty() throws Exception {
      assertThat(decode("QUERY", "{\"request_id\":\"r-1\"}").requestId()).isEqualTo("r-1");
      assertThat(decode("QUERY", "{\"request_id\":\"\"}").requestId()).isEmpty();
      assertThat(decode("QUERY", "{\"request_id\":\"  \"}").requestId()).isEqualTo("  ");
      assertThat(decode("QUERY", "{}").requestId()).isEmpty();
      assertThat(decode("QUERY", "{\"request_id\":null}").requestId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "7.5", "true", "[\"a\"]", "{\"id\":\"a\"}"})
    void aRequestIdThatIsNotAStringIsInvalid(String id) {
      ProtocolException e = refusal(() -> decode("QUERY", "{\"request_id\":" + id + "}"));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
      assertThat(e.getMessage()).contains("request_id");
      assertThat(e.offending()).isEqualTo(id);
    }

    @Test
    void theBodyIsKeptWholeUnknownFieldsIncluded() throws Exception {
      RegistryRequest r = decode("HEARTBEAT", "{\"node_id\":\"n\",\"future\":{\"x\":[1,2]}}");
      assertThat(r.json().get("future").get("x").get(1).intValue()).isEqualTo(2);
      assertThat(r.json()).isSameAs(r.body().json());
    }
  }

  // ------------------------------------------------------------------------ encoding

  @Nested
  class Encoding {
    @Test
    void encodeRequestAddsTheRequestIdAndLeavesTheCallersBodyAlone() throws Exception {
      ObjectNode b = RegistryCodec.object().put("node_id", "node-a");
      byte[][] frames = RegistryCodec.encodeRequest(RegistryCommand.HEARTBEAT, "r-9", b);

      assertThat(frames).hasNumberOfRows(2);
      assertThat(new String(frames[0], StandardCharsets.US_ASCII)).isEqualTo("HEARTBEAT");
      assertThat(new String(frames[1], StandardCharsets.UTF_8))
          .isEqualTo("{\"node_id\":\"node-a\",\"request_id\":\"r-9\"}");
      assertThat(b.has("request_id")).isFalse();
    }

    @Test
    void encodeRequestUsesTheCallersRequestIdOverOneTheBodyHas() throws Exception {
      // The caller matches the reply by its own id; a stale one in the body would never match.
      ObjectNode b = RegistryCodec.object().put("request_id", "stale");
      byte[][] frames = RegistryCodec.encodeRequest(RegistryCommand.QUERY, "mine", b);
      assertThat(RegistryCodec.decodeRequest(frames[0], frames[1]).requestId()).isEqualTo("mine");
    }

    @Test
    void encodeOkPutsTheRequestIdFirstThenTheResult() {
      ObjectNode result = RegistryCodec.object().put("node_id", "n").put("removed", true);
      byte[][] frames = RegistryCodec.encodeOk("7", result);
      assertThat(new String(frames[0], StandardCharsets.US_ASCII)).isEqualTo("OK");
      assertThat(new String(frames[1], StandardCharsets.UTF_8))
          .isEqualTo("{\"request_id\":\"7\",\"node_id\":\"n\",\"removed\":true}");
    }

    @Test
    void encodeErrorCarriesCodeNameMessageAndOffending() {
      byte[][] frames =
          RegistryCodec.encodeError("8", ErrorCode.PORT_IN_USE, "port 5555 is leased", "5555");
      assertThat(new String(frames[0], StandardCharsets.US_ASCII)).isEqualTo("ERROR");
      assertThat(new String(frames[1], StandardCharsets.UTF_8))
          .isEqualTo(
              "{\"request_id\":\"8\",\"code\":9006,\"error\":\"PORT_IN_USE\","
                  + "\"message\":\"port 5555 is leased\",\"offending\":\"5555\"}");
    }

    @Test
    void aMissingOffendingIsEmptyNotNull() throws Exception {
      byte[][] frames = RegistryCodec.encodeError("", ErrorCode.INTERNAL, "bug", null);
      JsonNode b = RegistryCodec.mapper().readTree(frames[1]);
      assertThat(b.get("offending").textValue()).isEmpty();
      assertThat(b.get("request_id").textValue()).isEmpty();
    }

    @Test
    void nonAsciiIsWrittenAsUtf8() {
      ObjectNode result = RegistryCodec.object().put("site", "Zürich ✓");
      byte[][] frames = RegistryCodec.encodeOk("1", result);
      assertThat(new String(frames[1], StandardCharsets.UTF_8)).contains("Zürich ✓");
    }

    @Test
    void theRegistryCodesAreTheNineThousands() {
      assertThat(ErrorCode.INVALID_REQUEST.code()).isEqualTo(9001);
      assertThat(ErrorCode.UNKNOWN_NODE.code()).isEqualTo(9002);
      assertThat(ErrorCode.UNKNOWN_LEASE.code()).isEqualTo(9003);
      assertThat(ErrorCode.LEASE_NOT_ACTIVE.code()).isEqualTo(9004);
      assertThat(ErrorCode.PORT_OUT_OF_RANGE.code()).isEqualTo(9005);
      assertThat(ErrorCode.PORT_IN_USE.code()).isEqualTo(9006);
      assertThat(ErrorCode.INVALID_TTL.code()).isEqualTo(9007);
      assertThat(ErrorCode.NO_FREE_PORT.code()).isEqualTo(9008);
      assertThat(ErrorCode.UNKNOWN_BUS.code()).isEqualTo(9009);
    }
  }

  // ------------------------------------------------------------------------ decodeReply

  @Nested
  class DecodeReply {
    @Test
    void anOkReply() throws Exception {
      RegistryReply r =
          RegistryCodec.decodeReply(utf8("OK"), utf8("{\"request_id\":\"3\",\"node_id\":\"n\"}"));
      assertThat(r.ok()).isTrue();
      assertThat(r.requestId()).isEqualTo("3");
      assertThat(r.errorCode()).isNull();
      assertThat(r.message()).isEmpty();
      assertThat(r.offending()).isEmpty();
      assertThat(r.body().get("node_id").textValue()).isEqualTo("n");
    }

    @Test
    void anErrorReply() throws Exception {
      byte[][] frames =
          RegistryCodec.encodeError("4", ErrorCode.UNKNOWN_LEASE, "no lease", "lease-x");
      RegistryReply r = RegistryCodec.decodeReply(frames[0], frames[1]);
      assertThat(r.ok()).isFalse();
      assertThat(r.requestId()).isEqualTo("4");
      assertThat(r.errorCode()).isEqualTo(ErrorCode.UNKNOWN_LEASE);
      assertThat(r.message()).isEqualTo("no lease");
      assertThat(r.offending()).isEqualTo("lease-x");
    }

    @Test
    void aCodeThisBuildDoesNotKnowIsNullButTheReplyStillReads() throws Exception {
      RegistryReply r =
          RegistryCodec.decodeReply(
              utf8("ERROR"), utf8("{\"request_id\":\"5\",\"code\":9999,\"message\":\"later\"}"));
      assertThat(r.ok()).isFalse();
      assertThat(r.errorCode()).isNull();
      assertThat(r.message()).isEqualTo("later");
      assertThat(r.body().get("code").intValue()).isEqualTo(9999);
    }

    @Test
    void aMissingRequestIdIsEmpty() throws Exception {
      assertThat(RegistryCodec.decodeReply(utf8("OK"), utf8("{}")).requestId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ok", "Ok", "OK ", "ERR", "REGISTER"})
    void anyOtherStatusIsMalformed(String status) {
      refused(() -> RegistryCodec.decodeReply(utf8(status), utf8("{}")), ErrorCode.MALFORMED_FRAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "not json", "null"})
    void aBodyThatIsNotAnObjectIsMalformed(String body) {
      refused(() -> RegistryCodec.decodeReply(utf8("OK"), utf8(body)), ErrorCode.MALFORMED_FRAME);
    }

    @Test
    void anOversizedReplyIsMalformedToo() {
      byte[] big = new byte[RegistryCodec.MAX_BODY_BYTES + 1];
      refused(() -> RegistryCodec.decodeReply(utf8("OK"), big), ErrorCode.MALFORMED_FRAME);
    }
  }

  // ------------------------------------------------------------------------ RequestBody

  @Nested
  class AbsentAndNull {
    private static final String ABSENT = "{}";
    private static final String NULL = "{\"f\":null}";

    @ParameterizedTest
    @ValueSource(strings = {ABSENT, NULL})
    void absentAndNullMeanTheSameForEveryReader(String json) throws Exception {
      RequestBody b = body(json);
      assertThat(b.text("f", "fallback")).isEqualTo("fallback");
      assertThat(b.text("f", null)).isNull();
      assertThat(b.string("f", "fallback")).isEqualTo("fallback");
      assertThat(b.bool("f", true)).isTrue();
      assertThat(b.integer("f", 0, 10, 7)).isEqualTo(7);
      assertThat(b.port("f")).isZero();
      assertThat(b.ttlSeconds("f")).isNull();
      assertThat(b.textList("f")).isEmpty();
      assertThat(b.textMap("f")).isEmpty();
      assertThat(b.object("f")).isNull();
      assertThat(b.objectList("f")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {ABSENT, NULL})
    void aRequiredFieldAbsentOrNullNamesTheField(String json) throws Exception {
      RequestBody b = body(json);
      ProtocolException e = refusal(() -> b.requiredText("f"));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
      assertThat(e.getMessage()).isEqualTo("f is required (a non-empty string)");
      assertThat(e.offending()).isEqualTo("f");
    }
  }

  @Nested
  class Strings {
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\\t", "\\n ", "\\u3000"})
    void blankIsNotText(String blank) throws Exception {
      RequestBody b = body("{\"f\":\"" + blank + "\"}");
      ProtocolException e = refusal(() -> b.text("f", "x"));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
      assertThat(e.getMessage()).isEqualTo("f must be a non-empty string");
      refused(() -> b.requiredText("f"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void stringAcceptsEmptyAndBlank() throws Exception {
      assertThat(body("{\"f\":\"\"}").string("f", "x")).isEmpty();
      assertThat(body("{\"f\":\"  \"}").string("f", "x")).isEqualTo("  ");
    }

    @Test
    void textIsReturnedVerbatimSurroundingSpacesIncluded() throws Exception {
      assertThat(body("{\"f\":\" a \"}").requiredText("f")).isEqualTo(" a ");
      assertThat(body("{\"f\":\"日本 😀\"}").requiredText("f")).isEqualTo("日本 😀");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.5", "true", "[]", "[\"a\"]", "{}"})
    void aNonStringIsRefusedWithTheValueAsOffending(String v) throws Exception {
      RequestBody b = body("{\"f\":" + v + "}");
      ProtocolException e = refusal(() -> b.text("f", null));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
      assertThat(e.offending()).isEqualTo(v);
      refused(() -> b.string("f", null), ErrorCode.INVALID_REQUEST);
      refused(() -> b.requiredText("f"), ErrorCode.INVALID_REQUEST);
    }
  }

  @Nested
  class Booleans {
    @Test
    void onlyJsonBooleans() throws Exception {
      assertThat(body("{\"f\":true}").bool("f", false)).isTrue();
      assertThat(body("{\"f\":false}").bool("f", true)).isFalse();
      for (String v : List.of("\"true\"", "1", "0", "\"yes\"", "[]")) {
        ProtocolException e = refusal(() -> body("{\"f\":" + v + "}").bool("f", false));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(e.getMessage()).isEqualTo("f must be true or false");
      }
    }
  }

  @Nested
  class Integers {
    @Test
    void wholeNumbersWithinTheBounds() throws Exception {
      assertThat(body("{\"f\":0}").integer("f", 0, 10, 5)).isZero();
      assertThat(body("{\"f\":10}").integer("f", 0, 10, 5)).isEqualTo(10);
      assertThat(body("{\"f\":-3}").integer("f", -5, 5, 0)).isEqualTo(-3);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "11",
          "-1",
          "1.0",
          "1.5",
          "1e1",
          "\"5\"",
          "true",
          "2147483648",
          "99999999999999999999"
        })
    void anythingElseIsRefused(String v) throws Exception {
      RequestBody b = body("{\"f\":" + v + "}");
      ProtocolException e = refusal(() -> b.integer("f", 0, 10, 5));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
      assertThat(e.getMessage()).isEqualTo("f must be a whole number from 0 to 10");
    }

    @Test
    void portsAreOneTo65535() throws Exception {
      assertThat(body("{\"p\":1}").port("p")).isEqualTo(1);
      assertThat(body("{\"p\":65535}").port("p")).isEqualTo(65535);
      for (String v : List.of("0", "65536", "-1", "5555.0", "\"5555\"")) {
        ProtocolException e = refusal(() -> body("{\"p\":" + v + "}").port("p"));
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(e.getMessage()).isEqualTo("p must be a whole number from 1 to 65535");
      }
    }
  }

  @Nested
  class Ttls {
    private Duration ttl(String v) throws ProtocolException {
      return body("{\"ttl\":" + v + "}").ttlSeconds("ttl");
    }

    @Test
    void secondsBecomeMilliseconds() throws Exception {
      assertThat(ttl("30")).isEqualTo(Duration.ofSeconds(30));
      assertThat(ttl("30.0")).isEqualTo(Duration.ofSeconds(30));
      assertThat(ttl("60.5")).isEqualTo(Duration.ofMillis(60_500));
      assertThat(ttl("0.25")).isEqualTo(Duration.ofMillis(250));
      assertThat(ttl("2.5e1")).isEqualTo(Duration.ofSeconds(25));
      assertThat(ttl("86400")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void fractionsAreRoundedToTheMillisecondAndNeverToZero() throws Exception {
      assertThat(ttl("1.0004")).isEqualTo(Duration.ofMillis(1000));
      assertThat(ttl("1.0006")).isEqualTo(Duration.ofMillis(1001));
      assertThat(ttl("0.0004")).isEqualTo(Duration.ofMillis(1));
      assertThat(ttl("1e-9")).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void tenYearsIsTheCodecsCeiling() throws Exception {
      long tenYears = 10L * 365 * 24 * 3600;
      assertThat(ttl(Long.toString(tenYears))).isEqualTo(Duration.ofSeconds(tenYears));
      refused(() -> ttl(tenYears + ".5"), ErrorCode.INVALID_TTL);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"0", "0.0", "-0.0", "-1", "-0.001", "1e12", "1e309", "9223372036854775807"})
    void zeroNegativeAndAbsurdAreInvalidTtl(String v) {
      ProtocolException e = refusal(() -> ttl(v));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TTL);
      assertThat(e.getMessage()).isEqualTo("ttl must be > 0 and at most ten years, in seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"30\"", "true", "[30]", "{\"s\":30}"})
    void aTtlThatIsNotANumberIsInvalidTtlToo(String v) {
      ProtocolException e = refusal(() -> ttl(v));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_TTL);
      assertThat(e.getMessage()).isEqualTo("ttl must be a number of seconds");
      assertThat(e.offending()).isEqualTo(v);
    }
  }

  @Nested
  class Lists {
    @Test
    void aListOfNonBlankStrings() throws Exception {
      assertThat(body("{\"l\":[]}").textList("l")).isEmpty();
      assertThat(body("{\"l\":[\"a\",\"b.c\",\"a\"]}").textList("l"))
          .containsExactly("a", "b.c", "a");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"\"a\"", "{}", "[\"a\",\"\"]", "[\"a\",\" \"]", "[1]", "[null]", "[[\"a\"]]"})
    void anythingElseIsRefused(String v) throws Exception {
      RequestBody b = body("{\"l\":" + v + "}");
      refused(() -> b.textList("l"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void aListOfObjectsIsWrappedForTypedReads() throws Exception {
      List<RequestBody> l =
          body("{\"c\":[{\"node_id\":\"a\"},{\"node_id\":\"b\",\"subscriptions\":[\"x.>\"]}]}")
              .objectList("c");
      assertThat(l).hasSize(2);
      assertThat(l.get(1).requiredText("node_id")).isEqualTo("b");
      assertThat(l.get(1).textList("subscriptions")).containsExactly("x.>");
      assertThat(l.get(0).textList("subscriptions")).isEmpty();
      refused(() -> body("{\"c\":[{},1]}").objectList("c"), ErrorCode.INVALID_REQUEST);
      refused(() -> body("{\"c\":{}}").objectList("c"), ErrorCode.INVALID_REQUEST);
    }
  }

  @Nested
  class Maps {
    @Test
    void scalarsAreTakenAsTheirTextInOrder() throws Exception {
      Map<String, String> m =
          body("{\"m\":{\"s\":\"x\",\"i\":4,\"d\":2.5,\"t\":true,\"f\":false,\"e\":\"\",\"big\":1e3}}")
              .textMap("m");
      assertThat(m)
          .containsExactly(
              Map.entry("s", "x"),
              Map.entry("i", "4"),
              Map.entry("d", "2.5"),
              Map.entry("t", "true"),
              Map.entry("f", "false"),
              Map.entry("e", ""),
              Map.entry("big", "1000.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"k\":{}}", "{\"k\":[1]}", "{\"k\":null}"})
    void nestedValuesAndNullAreRefusedNamingTheKey(String v) throws Exception {
      RequestBody b = body("{\"m\":" + v + "}");
      ProtocolException e = refusal(() -> b.textMap("m"));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
      assertThat(e.getMessage()).isEqualTo("m.k must be a string, number or boolean");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"a=b\"", "1"})
    void aMapMustBeAnObject(String v) throws Exception {
      RequestBody b = body("{\"m\":" + v + "}");
      ProtocolException e = refusal(() -> b.textMap("m"));
      assertThat(e.getMessage()).isEqualTo("m must be an object of string values");
    }
  }

  @Nested
  class NestedObjects {
    @Test
    void aNestedObjectIsReadWithTheSameRules() throws Exception {
      RequestBody b =
          body("{\"bus\":{\"name\":\"user\",\"metadata\":{\"qos\":\"\",\"debug\":true}}}");
      RequestBody bus = b.object("bus");
      assertThat(bus.requiredText("name")).isEqualTo("user");
      RequestBody md = bus.object("metadata");
      assertThat(md.bool("debug", false)).isTrue();
      assertThat(md.string("purpose", "")).isEmpty();
      ProtocolException e = refusal(() -> md.text("qos", "best-effort"));
      // The message names the inner field only: the reader does not know its path.
      assertThat(e.getMessage()).isEqualTo("qos must be a non-empty string");
      assertThat(bus.object("absent")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "1", "true"})
    void aNestedObjectMustBeAnObject(String v) throws Exception {
      RequestBody b = body("{\"o\":" + v + "}");
      ProtocolException e = refusal(() -> b.object("o"));
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
      assertThat(e.getMessage()).isEqualTo("o must be an object");
    }

    @Test
    void theWrappedObjectIsTheSameTree() throws Exception {
      RequestBody b = body("{\"o\":{\"a\":1}}");
      assertThat(b.object("o").json()).isSameAs(b.json().get("o"));
    }
  }

  @Test
  void offendingIsCutAt120Characters() throws Exception {
    String longValue = "x".repeat(500);
    ProtocolException e = refusal(() -> body("{\"f\":[\"" + longValue + "\",1]}").textList("f"));
    assertThat(e.offending()).hasSize(121).endsWith("…");
  }

  // ------------------------------------------------------------------------ properties

  @Property(tries = 500)
  void arbitraryStringFieldsSurviveEncodeThenDecode(
      @ForAll("commands") RegistryCommand command,
      @ForAll("texts") String requestId,
      @ForAll("fields") Map<String, String> fields)
      throws Exception {
    ObjectNode body = RegistryCodec.object();
    fields.forEach(body::put);

    byte[][] frames = RegistryCodec.encodeRequest(command, requestId, body);
    RegistryRequest r = RegistryCodec.decodeRequest(frames[0], frames[1]);

    assertThat(r.command()).isEqualTo(command);
    assertThat(r.requestId()).isEqualTo(requestId);
    for (Map.Entry<String, String> e : fields.entrySet()) {
      assertThat(r.body().string(e.getKey(), null)).isEqualTo(e.getValue());
      if (!e.getValue().isBlank()) {
        assertThat(r.body().requiredText(e.getKey())).isEqualTo(e.getValue());
      }
    }
    assertThat(r.json().size()).isEqualTo(fields.size() + 1);
  }

  @Property(tries = 300)
  void arbitraryRepliesSurviveEncodeThenDecode(
      @ForAll("texts") String requestId,
      @ForAll("texts") String message,
      @ForAll("texts") String offending,
      @ForAll("fields") Map<String, String> result)
      throws Exception {
    ErrorCode code =
        ErrorCode.values()[Math.floorMod(message.hashCode(), ErrorCode.values().length)];
    byte[][] error = RegistryCodec.encodeError(requestId, code, message, offending);
    RegistryReply e = RegistryCodec.decodeReply(error[0], error[1]);
    assertThat(e.ok()).isFalse();
    assertThat(e.requestId()).isEqualTo(requestId);
    assertThat(e.errorCode()).isEqualTo(code);
    assertThat(e.message()).isEqualTo(message);
    assertThat(e.offending()).isEqualTo(offending);

    ObjectNode r = RegistryCodec.object();
    result.forEach(r::put);
    byte[][] ok = RegistryCodec.encodeOk(requestId, r);
    RegistryReply o = RegistryCodec.decodeReply(ok[0], ok[1]);
    assertThat(o.ok()).isTrue();
    assertThat(o.requestId()).isEqualTo(requestId);
    result.forEach((k, v) -> assertThat(o.body().get(k).textValue()).isEqualTo(v));
  }

  @Property(tries = 1000)
  void arbitraryBytesAreDecodedOrRefusedWithACodeNeverWorse(
      @ForAll("commandBytes") byte[] command, @ForAll("bodyBytes") byte[] body) {
    try {
      RegistryCodec.decodeRequest(command, body);
    } catch (ProtocolException e) {
      assertThat(e.code())
          .isIn(ErrorCode.UNKNOWN_COMMAND, ErrorCode.INVALID_REQUEST, ErrorCode.FRAME_TOO_LARGE);
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<RegistryCommand> commands() {
    return Arbitraries.of(RegistryCommand.class);
  }

  /** Any Unicode text, supplementary characters included, never a lone surrogate. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.integers()
        .between(0, Character.MAX_CODE_POINT)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .list()
        .ofMaxSize(24)
        .map(
            cps -> {
              StringBuilder sb = new StringBuilder();
              cps.forEach(sb::appendCodePoint);
              return sb.toString();
            });
  }

  @Provide
  Arbitrary<Map<String, String>> fields() {
    return Arbitraries.maps(texts().filter(k -> !k.equals("request_id")), texts()).ofMaxSize(8);
  }

  @Provide
  Arbitrary<byte[]> commandBytes() {
    Arbitrary<byte[]> known = Arbitraries.of(RegistryCommand.class).map(RegistryCommand::wire);
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(16);
    return Arbitraries.oneOf(known, random);
  }

  @Provide
  Arbitrary<byte[]> bodyBytes() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    Arbitrary<byte[]> jsonish =
        Arbitraries.of(
                "{", "}", "[", "]", "\"", ":", ",", "request_id", "1", "null", " ", "\\u00e9")
            .list()
            .ofMaxSize(20)
            .map(l -> String.join("", l).getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(random, jsonish);
  }
}
