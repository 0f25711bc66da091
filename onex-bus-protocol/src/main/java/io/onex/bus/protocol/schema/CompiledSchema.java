package io.onex.bus.protocol.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema ready to validate documents, with the hash of the document it was compiled from.
 * Immutable once built and safe to share: any thread may call {@link #validate}.
 */
public final class CompiledSchema {
  private final JsonNode document;
  private final String hash;
  private final Schema schema;

  CompiledSchema(JsonNode document, String hash, Schema schema) {
    this.document = document;
    this.hash = hash;
    this.schema = schema;
  }

  /** The schema document as registered. */
  public JsonNode document() {
    return document;
  }

  /** {@link SchemaHash} of the document: what a violation reports as the expected schema. */
  public String hash() {
    return hash;
  }

  /** Every way {@code instance} breaks this schema; empty when it conforms. */
  public List<SchemaViolation> validate(JsonNode instance) {
    // The yes/no evaluation stops at the first failure and collects no messages: the common
    // (valid) case pays only for that; the explaining pass runs when there is something to explain.
    if (schema.validate(instance, OutputFormat.BOOLEAN)) {
      return List.of();
    }
    List<Error> errors = schema.validate(instance);
    if (errors.isEmpty()) {
      return List.of();
    }
    List<SchemaViolation> out = new ArrayList<>(errors.size());
    for (Error e : errors) {
      out.add(new SchemaViolation(e.getInstanceLocation().toString(), e.getMessage()));
    }
    return out;
  }
}
