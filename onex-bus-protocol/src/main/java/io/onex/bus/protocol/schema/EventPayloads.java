package io.onex.bus.protocol.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.event.OnexEventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Parses event payloads for schema checks, with limits that name themselves in the error: a size
 * cap, {@value OnexEventJson#MAX_DEPTH} levels of nesting, exactly one JSON object. Stateless; any
 * thread.
 */
public final class EventPayloads {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(OnexEventJson.MAX_DEPTH)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final int PREVIEW = 80;

  private EventPayloads() {}

  /**
   * The payload in {@code buf[offset, offset + length)} as a JSON object. Throws {@code
   * PAYLOAD_TOO_LARGE} past {@code maxBytes}, {@code PAYLOAD_NOT_JSON} for anything that is not one
   * well-formed JSON value within the nesting limit, {@code INVALID_ENVELOPE} for JSON that is not
   * an object.
   */
  public static JsonNode parse(byte[] buf, int offset, int length, int maxBytes)
      throws ProtocolException {
    if (length > maxBytes) {
      throw new ProtocolException(
          ErrorCode.PAYLOAD_TOO_LARGE,
          "payload of "
              + length
              + " bytes is over the schema check limit of "
              + maxBytes
              + " bytes (schema.max_payload_bytes)",
          preview(buf, offset, length));
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(buf, offset, length);
    } catch (StreamConstraintsException e) {
      throw new ProtocolException(
          ErrorCode.PAYLOAD_NOT_JSON,
          "payload nests deeper than " + OnexEventJson.MAX_DEPTH + " levels",
          preview(buf, offset, length));
    } catch (JsonProcessingException e) {
      throw new ProtocolException(
          ErrorCode.PAYLOAD_NOT_JSON,
          "payload is not JSON: " + e.getOriginalMessage(),
          preview(buf, offset, length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || root.isMissingNode()) {
      throw new ProtocolException(ErrorCode.PAYLOAD_NOT_JSON, "payload is empty", "");
    }
    if (!root.isObject()) {
      throw new ProtocolException(
          ErrorCode.INVALID_ENVELOPE, "payload is not a JSON object", preview(buf, offset, length));
    }
    return root;
  }

  private static String preview(byte[] buf, int offset, int length) {
    return new String(buf, offset, Math.min(length, PREVIEW), StandardCharsets.UTF_8);
  }
}
