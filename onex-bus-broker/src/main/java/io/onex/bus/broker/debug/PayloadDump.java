package io.onex.bus.broker.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.registry.RegistryCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Turns an event's payload (its OnexEvent JSON) into the text a debug line shows: the values of
 * redacted metadata keys (at any depth under {@code metadata}) replaced by {@code "***"}, then cut
 * to the byte cap. Only the debug path parses a payload; a payload that cannot be parsed is shown
 * only when nothing is to be redacted, since its secrets could not be found. Immutable; any thread.
 */
final class PayloadDump {
  static final String MASK = "***";

  private final int maxBytes;
  private final Set<String> redact;

  PayloadDump(int maxBytes, List<String> redact) {
    this.maxBytes = maxBytes;
    this.redact = Set.copyOf(redact);
  }

  /**
   * What one line shows.
   *
   * @param text the payload, redacted and capped
   * @param truncated whether the cap cut it
   * @param eventId the OnexEvent's {@code event_id}, or empty
   */
  record Dump(String text, boolean truncated, String eventId) {}

  Dump of(byte[] buffer, int offset, int length) {
    String text;
    String eventId = "";
    try {
      JsonNode event = RegistryCodec.mapper().readTree(buffer, offset, length);
      eventId = event.path("event_id").asText("");
      if (!redact.isEmpty() && event.get("metadata") instanceof ObjectNode md) {
        mask(md);
      }
      text = redact.isEmpty() ? null : RegistryCodec.mapper().writeValueAsString(event);
    } catch (IOException e) {
      if (!redact.isEmpty()) {
        return new Dump("(payload withheld: not JSON, so redaction cannot apply)", true, eventId);
      }
      text = null;
    }
    byte[] bytes =
        text == null
            ? java.util.Arrays.copyOfRange(buffer, offset, offset + length)
            : text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return new Dump(new String(bytes, StandardCharsets.UTF_8), false, eventId);
    }
    return new Dump(cut(bytes, maxBytes), true, eventId);
  }

  private void mask(ObjectNode node) {
    for (var it = node.properties().iterator(); it.hasNext(); ) {
      var f = it.next();
      if (redact.contains(f.getKey())) {
        f.setValue(node.textNode(MASK));
      } else if (f.getValue() instanceof ObjectNode child) {
        mask(child);
      } else if (f.getValue().isArray()) {
        for (JsonNode e : f.getValue()) {
          if (e instanceof ObjectNode child) {
            mask(child);
          }
        }
      }
    }
  }

  /** The first {@code max} bytes, backed off to a whole UTF-8 character. */
  private static String cut(byte[] bytes, int max) {
    int end = max;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }
}
