package io.onex.bus.protocol.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSchemaValidatesAndReportsPointers() throws Exception {
    CompiledSchema s =
        JsonSchemas.compile(
            JSON.readTree(
                "{\"type\":\"object\",\"required\":[\"qty\"],"
                    + "\"properties\":{\"qty\":{\"type\":\"integer\",\"minimum\":1}}}"));

    assertThat(s.validate(JSON.readTree("{\"qty\":3}"))).isEmpty();
    assertThat(s.validate(JSON.readTree("{\"qty\":0}")))
        .extracting(SchemaViolation::pointer)
        .containsExactly("/qty");
    assertThat(s.validate(JSON.readTree("{}")))
        .extracting(SchemaViolation::pointer)
        .containsExactly("");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"type\": 12}|/type",
        "{\"$ref\": \"http://example.com/x.json\"}|/$ref",
        "{\"properties\": {\"a\": {\"$ref\": \"other.json#/x\"}}}|/properties/a/$ref",
        "{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}|/$schema",
        "{\"minimum\": \"three\"}|/minimum",
        "{\"required\": \"qty\"}|/required",
        "[1, 2]|''",
        "\"a string\"|''"
      })
  void whatIsNotAnAcceptableSchemaIsRefusedWithWhere(String document, String pointer) {
    assertThatThrownBy(() -> JsonSchemas.compile(JSON.readTree(document)))
        .isInstanceOfSatisfying(
            InvalidSchemaException.class,
            e -> {
              assertThat(e.pointer()).isEqualTo(pointer);
              assertThat(e.getMessage()).isNotBlank();
            });
  }

  @Test
  void aPatternThatIsNotARegexIsRefusedAtCompileTime() {
    assertThatThrownBy(() -> JsonSchemas.compile(JSON.readTree("{\"pattern\": \"([unclosed\"}")))
        .isInstanceOf(InvalidSchemaException.class);
  }

  @Test
  void localReferencesWork() throws Exception {
    CompiledSchema s =
        JsonSchemas.compile(
            JSON.readTree(
                "{\"$defs\":{\"pos\":{\"type\":\"integer\",\"minimum\":1}},"
                    + "\"properties\":{\"n\":{\"$ref\":\"#/$defs/pos\"}}}"));

    assertThat(s.validate(JSON.readTree("{\"n\":-1}")))
        .extracting(SchemaViolation::pointer)
        .containsExactly("/n");
  }

  @Test
  void theHashIgnoresKeyOrderAndWhitespaceAndIsSha256OfSortedCompactJson() throws Exception {
    JsonNode a = JSON.readTree("{\"type\":\"object\",\"properties\":{\"b\":{},\"a\":{}}}");
    JsonNode b =
        JSON.readTree("{ \"properties\" : { \"a\" : { }, \"b\" : { } }, \"type\" : \"object\" }");
    String canonical = "{\"properties\":{\"a\":{},\"b\":{}},\"type\":\"object\"}";
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));

    assertThat(new String(SchemaHash.canonicalBytes(a), StandardCharsets.UTF_8))
        .isEqualTo(canonical);
    assertThat(SchemaHash.of(a)).isEqualTo(SchemaHash.of(b)).isEqualTo(expected);
    assertThat(JsonSchemas.compile(a).hash()).isEqualTo(expected);
  }
}
