package io.onex.bus.protocol.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The identity of a schema document: SHA-256 over its canonical form, written as 64 lower-case hex
 * digits. Canonical form: object keys sorted by their UTF-16 code units (as RFC 8785 does), no
 * insignificant whitespace, strings and numbers as Jackson writes them. So two documents that
 * differ only in key order or formatting have the same hash, and anyone with the document (a Python
 * node with {@code json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)}) can
 * recompute it. Stateless; any thread.
 */
public final class SchemaHash {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SchemaHash() {}

  /** The hash of {@code schema}. */
  public static String of(JsonNode schema) {
    return sha256(canonicalBytes(schema));
  }

  /** The canonical bytes the hash is computed over. */
  public static byte[] canonicalBytes(JsonNode schema) {
    try {
      return MAPPER.writeValueAsString(sorted(schema)).getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      fields.sort(Map.Entry.comparingByKey());
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> f : fields) {
        out.set(f.getKey(), sorted(f.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> out.add(sorted(element)));
      return out;
    }
    return node;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
