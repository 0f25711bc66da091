package io.onex.bus.protocol.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quick yes to "does this value meet this schema?" for schemas written with the common structural
 * keywords only ({@code type}, {@code properties}, {@code required}, {@code additionalProperties}
 * as a boolean, {@code items}, numeric and length bounds, scalar {@code enum}/{@code const}, and
 * annotations), checked on the parser's tokens without building a tree. It never says "valid"
 * unless networknt's evaluator would: whatever it is not sure of (a value that fails, a keyword it
 * does not know, a repeated property, a fractional number against an integer type) is answered
 * "unsure", and the caller asks the evaluator, which decides and explains. A property test holds it
 * to that. {@link #of} returns null for a schema that uses anything else. Immutable; any thread.
 */
final class FastSchema {
  private static final Set<String> ANNOTATIONS =
      Set.of("$schema", "$id", "$comment", "title", "description", "default", "examples");
  private static final Set<String> TYPES =
      Set.of("object", "array", "string", "integer", "number", "boolean", "null");

  private Set<String> types;
  private Map<String, FastSchema> properties = Map.of();
  private Set<String> required = Set.of();
  private boolean closed;
  private FastSchema items;
  private BigDecimal minimum;
  private BigDecimal maximum;
  private BigDecimal exclusiveMinimum;
  private BigDecimal exclusiveMaximum;
  private int minLength = -1;
  private int maxLength = -1;
  private int minItems = -1;
  private int maxItems = -1;
  private List<JsonNode> allowed;

  /** Whether any numeric bound is set (else numbers need no decoding). */
  private boolean bounded;

  /** Property and required names by bit, for objects of at most 64 of them. */
  private Map<String, Integer> bitOf = Map.of();

  private long requiredBits;
  private FastSchema[] bySlot = new FastSchema[0];

  private FastSchema() {}

  /** The quick form of {@code schema}, or null when it uses a keyword this class does not know. */
  static FastSchema of(JsonNode schema) {
    if (schema.isBoolean()) {
      return schema.booleanValue() ? new FastSchema() : null;
    }
    if (!schema.isObject()) {
      return null;
    }
    FastSchema f = new FastSchema();
    for (Map.Entry<String, JsonNode> k : schema.properties()) {
      JsonNode v = k.getValue();
      boolean ok =
          switch (k.getKey()) {
            case "type" -> f.readTypes(v);
            case "properties" -> f.readProperties(v);
            case "required" -> f.readRequired(v);
            case "additionalProperties" -> {
              f.closed = v.isBoolean() && !v.booleanValue();
              yield v.isBoolean();
            }
            case "items" -> (f.items = of(v)) != null;
            case "minimum" -> (f.minimum = number(v)) != null;
            case "maximum" -> (f.maximum = number(v)) != null;
            case "exclusiveMinimum" -> (f.exclusiveMinimum = number(v)) != null;
            case "exclusiveMaximum" -> (f.exclusiveMaximum = number(v)) != null;
            case "minLength" -> (f.minLength = count(v)) >= 0;
            case "maxLength" -> (f.maxLength = count(v)) >= 0;
            case "minItems" -> (f.minItems = count(v)) >= 0;
            case "maxItems" -> (f.maxItems = count(v)) >= 0;
            case "enum" -> f.readAllowed(v);
            case "const" -> f.readAllowed(JsonNodeArrays.of(v));
            default -> ANNOTATIONS.contains(k.getKey());
          };
      if (!ok) {
        return null;
      }
    }
    f.bounded =
        f.minimum != null
            || f.maximum != null
            || f.exclusiveMinimum != null
            || f.exclusiveMaximum != null;
    return f.slots() ? f : null;
  }

  /** Gives each named property and required name a bit; false past 64 names. */
  private boolean slots() {
    Map<String, Integer> bits = new HashMap<>();
    for (String name : properties.keySet()) {
      bits.putIfAbsent(name, bits.size());
    }
    for (String name : required) {
      bits.putIfAbsent(name, bits.size());
    }
    if (bits.size() > 64) {
      return false;
    }
    FastSchema[] slots = new FastSchema[bits.size()];
    long req = 0;
    for (Map.Entry<String, Integer> e : bits.entrySet()) {
      slots[e.getValue()] = properties.get(e.getKey());
      if (required.contains(e.getKey())) {
        req |= 1L << e.getValue();
      }
    }
    bitOf = bits;
    bySlot = slots;
    requiredBits = req;
    return true;
  }

  /**
   * Whether the value starting at the parser's current token certainly meets the schema. On {@code
   * true} the parser is on the value's last token; on {@code false} it may be anywhere.
   */
  boolean accepts(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (types != null && !types.contains(typeOf(p, t))) {
      return false;
    }
    if (allowed != null && !allowedValue(p, t)) {
      return false;
    }
    return switch (t) {
      case START_OBJECT -> acceptsObject(p);
      case START_ARRAY -> acceptsArray(p);
      case VALUE_STRING -> acceptsString(p);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> !bounded || acceptsNumber(p.getDecimalValue());
      case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> true;
      default -> false;
    };
  }

  private boolean acceptsObject(JsonParser p) throws IOException {
    long seen = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      Integer slot = bitOf.get(p.currentName());
      p.nextToken();
      if (slot == null) {
        if (closed) {
          return false;
        }
        p.skipChildren(); // unconstrained; a repeat of it changes nothing the schema checks
        continue;
      }
      long bit = 1L << slot;
      if ((seen & bit) != 0) {
        return false; // a repeated property: the tree keeps the last one; let the evaluator judge
      }
      seen |= bit;
      FastSchema sub = bySlot[slot];
      if (sub != null) {
        if (!sub.accepts(p)) {
          return false;
        }
      } else if (closed) {
        return false; // required but not among the properties, on a closed object
      } else {
        p.skipChildren();
      }
    }
    return (seen & requiredBits) == requiredBits;
  }

  private boolean acceptsArray(JsonParser p) throws IOException {
    int n = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      n++;
      if (items != null) {
        if (!items.accepts(p)) {
          return false;
        }
      } else {
        p.skipChildren();
      }
    }
    return (minItems < 0 || n >= minItems) && (maxItems < 0 || n <= maxItems);
  }

  private boolean acceptsString(JsonParser p) throws IOException {
    if (minLength < 0 && maxLength < 0) {
      return true;
    }
    int n = Character.codePointCount(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    return (minLength < 0 || n >= minLength) && (maxLength < 0 || n <= maxLength);
  }

  private boolean acceptsNumber(BigDecimal v) {
    return (minimum == null || v.compareTo(minimum) >= 0)
        && (maximum == null || v.compareTo(maximum) <= 0)
        && (exclusiveMinimum == null || v.compareTo(exclusiveMinimum) > 0)
        && (exclusiveMaximum == null || v.compareTo(exclusiveMaximum) < 0);
  }

  private boolean allowedValue(JsonParser p, JsonToken t) throws IOException {
    for (JsonNode a : allowed) {
      boolean same =
          switch (t) {
            case VALUE_STRING -> a.isTextual() && a.textValue().equals(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                a.isNumber() && a.decimalValue().compareTo(p.getDecimalValue()) == 0;
            case VALUE_TRUE -> a.isBoolean() && a.booleanValue();
            case VALUE_FALSE -> a.isBoolean() && !a.booleanValue();
            case VALUE_NULL -> a.isNull();
            default -> false;
          };
      if (same) {
        return true;
      }
    }
    return false;
  }

  /** The JSON Schema type of the token; a fraction is "number" even when it is whole. */
  private static String typeOf(JsonParser p, JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT -> "integer";
      case VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      default -> "null";
    };
  }

  private boolean readTypes(JsonNode v) {
    List<String> names = new ArrayList<>();
    if (v.isTextual()) {
      names.add(v.textValue());
    } else if (v.isArray()) {
      v.forEach(n -> names.add(n.isTextual() ? n.textValue() : ""));
    } else {
      return false;
    }
    if (!TYPES.containsAll(names)) {
      return false;
    }
    types = new HashSet<>(names);
    if (types.contains("number")) {
      types.add("integer"); // every integer is a number
    }
    return true;
  }

  private boolean readProperties(JsonNode v) {
    if (!v.isObject()) {
      return false;
    }
    Map<String, FastSchema> out = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      FastSchema sub = of(e.getValue());
      if (sub == null) {
        return false;
      }
      out.put(e.getKey(), sub);
    }
    properties = out;
    return true;
  }

  private boolean readRequired(JsonNode v) {
    if (!v.isArray()) {
      return false;
    }
    Set<String> out = new HashSet<>();
    for (JsonNode n : v) {
      if (!n.isTextual()) {
        return false;
      }
      out.add(n.textValue());
    }
    required = out;
    return true;
  }

  private boolean readAllowed(JsonNode v) {
    if (!v.isArray()) {
      return false;
    }
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode n : v) {
      if (n.isContainerNode()) {
        return false; // object and array equality: leave to the evaluator
      }
      out.add(n);
    }
    allowed = out;
    return true;
  }

  private static BigDecimal number(JsonNode v) {
    return v.isNumber() ? v.decimalValue() : null;
  }

  private static int count(JsonNode v) {
    return v.canConvertToInt() && v.isIntegralNumber() && v.intValue() >= 0 ? v.intValue() : -1;
  }

  /** A one-element JSON array, for treating {@code const} as an {@code enum}. */
  private static final class JsonNodeArrays {
    private JsonNodeArrays() {}

    static JsonNode of(JsonNode v) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(v);
    }
  }
}
