package io.onex.bus.client;

import io.onex.bus.protocol.schema.RegisteredSchema;

/**
 * The registry's answer to a schema registration (docs/protocol.md §16.16). Immutable; any thread.
 *
 * @param schema the version now current: the new one, or the existing one when the document was
 *     already current
 * @param created whether the registration stored a new version
 * @param revision the bus's schema revision afterwards
 */
public record SchemaRegistration(RegisteredSchema schema, boolean created, long revision) {}
