package io.onex.bus.protocol.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.SerializedString;
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

  /** The envelope's fields in the order ONEX writes them, and their bits. */
  private static final SerializedString[] IN_ORDER = {
    new SerializedString("event_id"),
    new SerializedString("timestamp"),
    new SerializedString("node_id"),
    new SerializedString("event_type"),
    new SerializedString("correlation_id"),
    new SerializedString("metadata")
  };

  private static final int[] IN_ORDER_BITS = {
    EVENT_ID, TIMESTAMP, NODE_ID, EVENT_TYPE, CORRELATION_ID, METADATA
  };

  private static final boolean[] HEX = new boolean[128];

  static {
    for (char c : "0123456789abcdefABCDEF".toCharArray()) {
      HEX[c] = true;
    }
  }

  private ContractFastPath() {}

  /**
   * As above; with {@code metadataSchema}, the metadata is also checked against it on the way (null
   * answer when not certain; the metadata tree is then never built).
   */
  static JsonNode passes(
      byte[] buf,
      int offset,
      int length,
      boolean strict,
      String recordEventType,
      String recordCorrelationId,
      boolean wantMetadata,
      FastSchema metadataSchema) {
    try (JsonParser p = MAPPER.createParser(buf, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      int seen = 0;
      JsonNode metadata = wantMetadata ? NullNode.getInstance() : MissingNode.getInstance();
      JsonToken t;
      int expected = 0;
      while (true) {
        int bit;
        // Python and Java write the fields in model order: matching the next name's raw bytes
        // against the expected one skips the parser's symbol-table lookup.
        if (expected < IN_ORDER.length && p.nextFieldName(IN_ORDER[expected])) {
          bit = IN_ORDER_BITS[expected++];
        } else {
          // Not the expected name (or none expected any more): whatever token came next.
          t = expected < IN_ORDER.length ? p.currentToken() : p.nextToken();
          if (t != JsonToken.FIELD_NAME) {
            break;
          }
          bit = bitOf(p.currentName());
        }
        JsonToken v = p.nextToken();
        if ((seen & bit) != 0) {
          return null; // a repeated known field: let the tree's last-one-wins rule decide
        }
        seen |= bit;
        switch (bit) {
          case EVENT_ID -> {
            if (v != JsonToken.VALUE_STRING
                || !isUuid(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
              return null;
            }
          }
          case TIMESTAMP -> {
            if (v != JsonToken.VALUE_STRING
                || !isTimestamp(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
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
            // Equal to the record's type, so the catalogue can be asked with that String.
            if (p.getTextLength() == 0
                || !sameText(p, recordEventType)
                || strict && !EventTypes.isKnown(recordEventType)) {
              return null;
            }
          }
          case CORRELATION_ID -> {
            boolean same =
                v == JsonToken.VALUE_NULL
                    ? recordCorrelationId.isEmpty()
                    : v == JsonToken.VALUE_STRING && sameText(p, recordCorrelationId);
            if (!same) {
              return null;
            }
          }
          case METADATA -> {
            if (metadataSchema != null) {
              if (v != JsonToken.START_OBJECT && v != JsonToken.VALUE_NULL
                  || !metadataSchema.accepts(p)) {
                return null;
              }
            } else if (v == JsonToken.START_OBJECT) {
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
      if (metadataSchema != null && (seen & METADATA) == 0) {
        return null; // an absent metadata is checked as null: leave that to the evaluator
      }
      return (seen & REQUIRED) == REQUIRED && correlationOk ? metadata : null;
    } catch (IOException | RuntimeException e) {
      return null; // not JSON, too deep, ...: the full path says exactly what
    }
  }

  private static boolean sameText(JsonParser p, String expected) throws IOException {
    int n = p.getTextLength();
    if (n != expected.length()) {
      return false;
    }
    char[] c = p.getTextCharacters();
    int o = p.getTextOffset();
    for (int i = 0; i < n; i++) {
      if (c[o + i] != expected.charAt(i)) {
        return false;
      }
    }
    return true;
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
  /** {@link #isUuid(char[], int, int)} of a String (tests, tools). */
  static boolean isUuid(String s) {
    return isUuid(s.toCharArray(), 0, s.length());
  }

  /** {@link #isTimestamp(char[], int, int)} of a String (tests, tools). */
  static boolean isTimestamp(String s) {
    return isTimestamp(s.toCharArray(), 0, s.length());
  }

  static boolean isUuid(char[] c, int o, int n) {
    if (n != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char ch = c[o + i];
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? ch != '-' : !isHex(ch)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code YYYY-MM-DDTHH:MM:SS}, then optionally {@code .} and digits, then optionally {@code Z},
   * {@code z} or {@code ±HH:MM}: the contract's pattern, digit for digit.
   */
  static boolean isTimestamp(char[] c, int o, int n) {
    if (n < 19
        || !digits(c, o, 0, 4)
        || c[o + 4] != '-'
        || !digits(c, o, 5, 7)
        || c[o + 7] != '-'
        || !digits(c, o, 8, 10)
        || c[o + 10] != 'T'
        || !digits(c, o, 11, 13)
        || c[o + 13] != ':'
        || !digits(c, o, 14, 16)
        || c[o + 16] != ':'
        || !digits(c, o, 17, 19)) {
      return false;
    }
    int i = 19;
    if (i < n && c[o + i] == '.') {
      int start = ++i;
      while (i < n && isDigit(c[o + i])) {
        i++;
      }
      if (i == start) {
        return false;
      }
    }
    if (i == n) {
      return true;
    }
    char z = c[o + i];
    if (z == 'Z' || z == 'z') {
      return i + 1 == n;
    }
    return (z == '+' || z == '-')
        && i + 6 == n
        && digits(c, o, i + 1, i + 3)
        && c[o + i + 3] == ':'
        && digits(c, o, i + 4, i + 6);
  }

  private static boolean digits(char[] c, int o, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(c[o + i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return c < 128 && HEX[c];
  }
}
