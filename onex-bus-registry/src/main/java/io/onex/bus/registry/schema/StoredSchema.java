package io.onex.bus.registry.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.schema.RegisteredSchema;
import java.time.Instant;
import java.util.Objects;

/**
 * One stored version of a topic pattern's schema and, once the pattern's schema was deleted, when.
 * Deleting keeps the history: every version stays, marked. Immutable; any thread.
 *
 * @param schema the version as registered
 * @param deletedAt when it was deleted, or null while it is not
 */
public record StoredSchema(RegisteredSchema schema, Instant deletedAt) {
  /** Requires the schema. */
  public StoredSchema {
    Objects.requireNonNull(schema, "schema");
  }

  /** Whether this version was deleted. */
  public boolean deleted() {
    return deletedAt != null;
  }

  /** The schema document ({@link RegisteredSchema#toJson()}) plus {@code deleted_at} if deleted. */
  public ObjectNode toJson() {
    ObjectNode o = schema.toJson();
    if (deletedAt != null) {
      o.put("deleted_at", deletedAt.toString());
    }
    return o;
  }
}
