package io.onex.bus.protocol.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The quick form of a schema may only say "valid" where networknt's evaluator agrees, and should
 * say it for ordinary valid values; schemas with keywords it does not know have no quick form.
 */
class FastSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> SCHEMAS =
      List.of(
          "{\"type\":\"object\",\"required\":[\"qty\"],\"properties\":{\"qty\":{\"type\":\"integer\","
              + "\"minimum\":0},\"sku\":{\"type\":\"string\",\"minLength\":2,\"maxLength\":4}}}",
          "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":"
              + "[\"number\",\"null\"],\"exclusiveMaximum\":10},\"b\":{\"enum\":[\"x\",1,true,null]}}}",
          "{\"properties\":{\"list\":{\"type\":\"array\",\"minItems\":1,\"maxItems\":2,\"items\":"
              + "{\"type\":\"integer\",\"maximum\":3}},\"c\":{\"const\":2}}}",
          "{\"type\":\"integer\"}",
          "{\"type\":\"number\",\"minimum\":1.5}",
          "{\"title\":\"anything\",\"description\":\"no constraint\"}",
          "{\"required\":[\"a\",\"b\"]}");

  private static final List<String> VALUES =
      List.of(
          "{\"qty\":3}",
          "{\"qty\":3,\"sku\":\"ab\"}",
          "{\"qty\":3,\"sku\":\"a\"}",
          "{\"qty\":3,\"sku\":\"😀😀\"}",
          "{\"qty\":3,\"sku\":\"abcde\"}",
          "{\"qty\":-1}",
          "{\"qty\":3.0}",
          "{\"qty\":\"3\"}",
          "{\"sku\":\"ab\"}",
          "{\"qty\":1,\"qty\":2}",
          "{\"a\":9.5,\"b\":\"x\"}",
          "{\"a\":10,\"b\":1.0}",
          "{\"a\":null,\"b\":null}",
          "{\"a\":1,\"z\":1}",
          "{\"b\":{}}",
          "{\"list\":[1,2]}",
          "{\"list\":[]}",
          "{\"list\":[1,2,3]}",
          "{\"list\":[4]}",
          "{\"list\":[1],\"c\":2.0}",
          "{\"c\":3}",
          "{\"a\":1,\"b\":2}",
          "{\"nested\":{\"deep\":[1,{\"x\":null}]}}",
          "7",
          "7.0",
          "1.5",
          "1.25",
          "\"text\"",
          "null",
          "[]",
          "true");

  @Provide
  Arbitrary<String> schemas() {
    return Arbitraries.of(SCHEMAS);
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of(VALUES);
  }

  @Property(tries = 600)
  void whatTheQuickFormAcceptsTheEvaluatorAccepts(
      @ForAll("schemas") String schema, @ForAll("values") String value) throws Exception {
    JsonNode doc = JSON.readTree(schema);
    FastSchema fast = FastSchema.of(doc);
    assertThat(fast).as("quick form of %s", schema).isNotNull();

    boolean quick = accepts(fast, value);
    boolean full = JsonSchemas.compile(doc).validate(JSON.readTree(value)).isEmpty();

    if (quick) {
      assertThat(full).as("quick form passed %s against %s", value, schema).isTrue();
    }
  }

  @Test
  void ordinaryValidValuesTakeTheQuickPath() throws Exception {
    FastSchema orders = FastSchema.of(JSON.readTree(SCHEMAS.get(0)));

    assertThat(accepts(orders, "{\"qty\":3,\"sku\":\"ab\",\"other\":[1,{\"x\":2}]}")).isTrue();
    assertThat(accepts(orders, "{\"qty\":-1}")).isFalse();
  }

  @Test
  void schemasWithOtherKeywordsHaveNoQuickForm() throws Exception {
    for (String s :
        List.of(
            "{\"pattern\":\"^a\"}",
            "{\"format\":\"date-time\"}",
            "{\"$ref\":\"#/$defs/x\",\"$defs\":{\"x\":{}}}",
            "{\"allOf\":[{}]}",
            "{\"additionalProperties\":{\"type\":\"string\"}}",
            "{\"enum\":[{\"a\":1}]}",
            "{\"properties\":{\"a\":{\"if\":{}}}}",
            "false")) {
      assertThat(FastSchema.of(JSON.readTree(s))).as(s).isNull();
    }
  }

  private static boolean accepts(FastSchema fast, String value) throws Exception {
    try (JsonParser p = JSON.createParser(value)) {
      p.nextToken();
      return fast.accepts(p) && p.nextToken() == null;
    }
  }
}
