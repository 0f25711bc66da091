package io.onex.bus.protocol.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The OnexEvent contract: the JSON Schema every event payload must meet on a bus or topic whose
 * schema mode is not {@code off}, shipped as {@code onex-event.schema.json} beside this class.
 * Strict mode adds one rule, kept in the same document under {@code $defs/strict}: the {@code
 * event_type} must be one the catalogue knows. Both checks report the document's single {@link
 * #hash()}. Immutable; any thread.
 */
public final class OnexEventContract {
  /** Where the contract lives on the class path. */
  public static final String RESOURCE = "onex-event.schema.json";

  private static final CompiledSchema BASE;
  private static final CompiledSchema STRICT_ONLY;

  static {
    JsonNode document = load();
    try {
      BASE = JsonSchemas.compile(document);
      ObjectNode strict = ((ObjectNode) document.path("$defs").path("strict")).deepCopy();
      strict.put("$schema", JsonSchemas.DIALECT);
      strict.set("$defs", document.get("$defs"));
      STRICT_ONLY = JsonSchemas.compile(strict);
    } catch (InvalidSchemaException e) {
      throw new IllegalStateException("the shipped OnexEvent contract is invalid", e);
    }
  }

  private OnexEventContract() {}

  /** The contract document. */
  public static JsonNode document() {
    return BASE.document();
  }

  /** The contract's schema hash ({@link SchemaHash}). */
  public static String hash() {
    return BASE.hash();
  }

  /**
   * Every way {@code event} breaks the contract; with {@code strict}, an {@code event_type} outside
   * the catalogue counts too.
   */
  public static List<SchemaViolation> check(JsonNode event, boolean strict) {
    List<SchemaViolation> base = BASE.validate(event);
    if (!strict) {
      return base;
    }
    List<SchemaViolation> catalogue = STRICT_ONLY.validate(event);
    if (catalogue.isEmpty()) {
      return base;
    }
    List<SchemaViolation> all = new ArrayList<>(base);
    all.addAll(catalogue);
    return all;
  }

  private static JsonNode load() {
    try (InputStream in = OnexEventContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
