package io.onex.bus.registry.schema;

import io.onex.bus.protocol.schema.RegisteredSchema;

/**
 * What registering a schema did: the version that is now current, whether registering created it
 * (false when the document was the current version's already), and the bus's schema revision after
 * it. Immutable; any thread.
 *
 * @param schema the current version
 * @param created whether a new version was stored
 * @param revision the bus's schema revision afterwards
 */
public record SchemaWrite(RegisteredSchema schema, boolean created, long revision) {}
