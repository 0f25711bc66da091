package io.onex.bus.registry.schema;

import io.onex.bus.protocol.schema.RegisteredSchema;

/**
 * What deleting a topic pattern's schema did. Immutable; any thread.
 *
 * @param current the version that was current until the deletion
 * @param deleted how many versions were marked deleted (every version since the last deletion)
 * @param revision the bus's schema revision afterwards
 */
public record SchemaDeletion(RegisteredSchema current, int deleted, long revision) {}
