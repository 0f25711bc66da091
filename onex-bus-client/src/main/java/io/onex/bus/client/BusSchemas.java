package io.onex.bus.client;

import io.onex.bus.protocol.schema.RegisteredSchema;
import java.util.List;

/**
 * The current schemas of one bus, with their documents, and the bus's schema revision as the
 * registry read them in one request. A broker or a validating client keeps the revision to compare
 * with the {@code bus_settings.schema_revision} of later heartbeat replies. Immutable; any thread.
 *
 * @param bus the bus
 * @param revision the bus's schema revision (0: no schema was ever registered for it)
 * @param schemas the current version of each topic pattern's schema, by topic
 */
public record BusSchemas(String bus, long revision, List<RegisteredSchema> schemas) {
  /** Copies the list. */
  public BusSchemas {
    schemas = List.copyOf(schemas);
  }
}
