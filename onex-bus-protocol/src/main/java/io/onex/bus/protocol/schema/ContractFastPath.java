package io.onex.bus.protocol.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.onex.bus.protocol.event.EventTypes;
import io.onex.bus.protocol.event.OnexEventJson;
import java.io.IOException;

/**
 * A quick yes to "does this payload meet the OnexEvent contract?", so the broker can skip building
 * a JSON tree and running the general JSON Schema evaluator for the common case of a valid event
 * (together they cost several times this). It reads the payload once with Jackson's streaming
 * parser and only ever answers "passes" for payloads the shipped schema accepts; anything else
 * (null) sends the event through the full evaluator, which decides and explains: malformed JSON,
 * nesting past the limit, trailing data, a repeated known field, a field of the wrong type. {@link
 * #CONTRACT_HASH} pins the schema document these rules were written from: a test fails when the
 * document changes without them, and a property test checks that every payload they pass, the
 * evaluator passes too. Stateless; any thread.
 */
final class ContractFastPath {
  /** {@link SchemaHash} of the contract document the rules below mirror. */
  static final String CONTRACT_HASH =
      "db771476e703bce572c0da4d3e22d352a928a48d524cbdb32fe24066764d8a6f";

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxNestingDepth(OnexEventJson.MAX_DEPTH).build())
              .build());

  private static final int EVENT_ID = 1;
  private static final int TIMESTAMP = 2;
  private static final int NODE_ID = 4;
  private static final int EVENT_TYPE = 8;
  private static final int CORRELATION_ID = 16;
  private static final int METADATA = 32;
  private static final int SCHEMA_VERSION = 64;
  private static final int REQUIRED = EVENT_ID | TIMESTAMP | NODE_ID | EVENT_TYPE;

  private ContractFastPath() {}

  /**
   * Whether the payload certainly meets the contract (with the catalogue when {@code strict}) and
   * repeats the record's event type and correlation id ({@code ""} for none): null when not
   * certain; otherwise, with {@code wantMetadata}, the {@code metadata} value ({@link NullNode}
   * when absent or null), else {@link MissingNode}.
   */
  static JsonNode passes(
      byte[] buf,
      int offset,
      int length,
      boolean strict,
      String recordEventType,
      String recordCorrelationId,
      boolean wantMetadata) {
    try (JsonParser p = MAPPER.createParser(buf, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      int seen = 0;
      JsonNode metadata = wantMetadata ? NullNode.getInstance() : MissingNode.getInstance();
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        int bit = bitOf(name);
        if ((seen & bit) != 0) {
          return null; // a repeated known field: let the tree's last-one-wins rule decide
        }
        seen |= bit;
        switch (bit) {
          case EVENT_ID -> {
            if (v != JsonToken.VALUE_STRING || !isUuid(p.getText())) {
              return null;
            }
          }
          case TIMESTAMP -> {
            if (v != JsonToken.VALUE_STRING || !isTimestamp(p.getText())) {
              return null;
            }
          }
          case NODE_ID -> {
            if (v != JsonToken.VALUE_STRING || p.getTextLength() == 0) {
              return null;
            }
          }
          case EVENT_TYPE -> {
            if (v != JsonToken.VALUE_STRING) {
              return null;
            }
            String type = p.getText();
            if (type.isEmpty()
                || !type.equals(recordEventType)
                || strict && !EventTypes.isKnown(type)) {
              return null;
            }
          }
          case CORRELATION_ID -> {
            String c =
                v == JsonToken.VALUE_NULL ? "" : v == JsonToken.VALUE_STRING ? p.getText() : null;
            if (c == null || !c.equals(recordCorrelationId)) {
              return null;
            }
          }
          case METADATA -> {
            if (v == JsonToken.START_OBJECT) {
              if (wantMetadata) {
                metadata = p.readValueAsTree();
              } else {
                p.skipChildren();
              }
            } else if (v != JsonToken.VALUE_NULL) {
              return null;
            }
          }
          case SCHEMA_VERSION -> {
            if (v != JsonToken.VALUE_STRING) {
              return null;
            }
          }
          default -> p.skipChildren(); // unknown fields are allowed, but must be well-formed
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        return null;
      }
      // An absent correlation_id means none, which the record must say too.
      boolean correlationOk = (seen & CORRELATION_ID) != 0 || recordCorrelationId.isEmpty();
      return (seen & REQUIRED) == REQUIRED && correlationOk ? metadata : null;
    } catch (IOException | RuntimeException e) {
      return null; // not JSON, too deep, ...: the full path says exactly what
    }
  }

  private static int bitOf(String field) {
    return switch (field) {
      case "event_id" -> EVENT_ID;
      case "timestamp" -> TIMESTAMP;
      case "node_id" -> NODE_ID;
      case "event_type" -> EVENT_TYPE;
      case "correlation_id" -> CORRELATION_ID;
      case "metadata" -> METADATA;
      case "schema_version" -> SCHEMA_VERSION;
      default -> 0;
    };
  }

  /** {@code 8-4-4-4-12} hex digits, any case. */
  static boolean isUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !isHex(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code YYYY-MM-DDTHH:MM:SS}, then optionally {@code .} and digits, then optionally {@code Z},
   * {@code z} or {@code ±HH:MM}: the contract's pattern, digit for digit.
   */
  static boolean isTimestamp(String s) {
    int n = s.length();
    if (n < 19
        || !digits(s, 0, 4)
        || s.charAt(4) != '-'
        || !digits(s, 5, 7)
        || s.charAt(7) != '-'
        || !digits(s, 8, 10)
        || s.charAt(10) != 'T'
        || !digits(s, 11, 13)
        || s.charAt(13) != ':'
        || !digits(s, 14, 16)
        || s.charAt(16) != ':'
        || !digits(s, 17, 19)) {
      return false;
    }
    int i = 19;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    if (i == n) {
      return true;
    }
    char z = s.charAt(i);
    if (z == 'Z' || z == 'z') {
      return i + 1 == n;
    }
    return (z == '+' || z == '-')
        && i + 6 == n
        && digits(s, i + 1, i + 3)
        && s.charAt(i + 3) == ':'
        && digits(s, i + 4, i + 6);
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
