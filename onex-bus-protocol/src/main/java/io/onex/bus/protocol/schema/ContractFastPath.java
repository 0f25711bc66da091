package io.onex.bus.protocol.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.protocol.event.EventTypes;
import java.util.Map;

/**
 * A quick yes to "does this event meet the OnexEvent contract?", so the broker can skip the general
 * JSON Schema evaluator for the common case of a valid event (it costs about three times the
 * parse). It only ever answers "passes" for events the shipped schema accepts; anything else
 * ({@code false}) sends the event through the full evaluator, which decides and explains. {@link
 * #CONTRACT_HASH} pins the schema document these rules were written from: a test fails when the
 * document changes without them, and a property test checks that every event they pass, the
 * evaluator passes too. Stateless; any thread.
 */
final class ContractFastPath {
  /** {@link SchemaHash} of the contract document the rules below mirror. */
  static final String CONTRACT_HASH =
      "db771476e703bce572c0da4d3e22d352a928a48d524cbdb32fe24066764d8a6f";

  private static final int EVENT_ID = 1;
  private static final int TIMESTAMP = 2;
  private static final int NODE_ID = 4;
  private static final int EVENT_TYPE = 8;
  private static final int CORRELATION_ID = 16;
  private static final int REQUIRED = EVENT_ID | TIMESTAMP | NODE_ID | EVENT_TYPE;

  private ContractFastPath() {}

  /**
   * Whether {@code event} certainly meets the contract (with the catalogue when {@code strict}) and
   * repeats the record's event type and correlation id ({@code ""} for none).
   */
  static boolean passes(
      JsonNode event, boolean strict, String recordEventType, String recordCorrelationId) {
    if (!event.isObject()) {
      return false;
    }
    int seen = 0;
    for (Map.Entry<String, JsonNode> f : event.properties()) {
      JsonNode v = f.getValue();
      switch (f.getKey()) {
        case "event_id" -> {
          if (!v.isTextual() || !isUuid(v.textValue())) {
            return false;
          }
          seen |= EVENT_ID;
        }
        case "timestamp" -> {
          if (!v.isTextual() || !isTimestamp(v.textValue())) {
            return false;
          }
          seen |= TIMESTAMP;
        }
        case "node_id" -> {
          if (!v.isTextual() || v.textValue().isEmpty()) {
            return false;
          }
          seen |= NODE_ID;
        }
        case "event_type" -> {
          if (!v.isTextual()
              || v.textValue().isEmpty()
              || !v.textValue().equals(recordEventType)
              || strict && !EventTypes.isKnown(v.textValue())) {
            return false;
          }
          seen |= EVENT_TYPE;
        }
        case "correlation_id" -> {
          String c = v.isNull() ? "" : v.isTextual() ? v.textValue() : null;
          if (c == null || !c.equals(recordCorrelationId)) {
            return false;
          }
          seen |= CORRELATION_ID;
        }
        case "metadata" -> {
          if (!v.isObject() && !v.isNull()) {
            return false;
          }
        }
        case "schema_version" -> {
          if (!v.isTextual()) {
            return false;
          }
        }
        default -> {
          // Unknown fields are allowed.
        }
      }
    }
    // An absent correlation_id means none, which the record must say too.
    return (seen & REQUIRED) == REQUIRED
        && ((seen & CORRELATION_ID) != 0 || recordCorrelationId.isEmpty());
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
