/**
 * Schema enforcement in the broker: which mode applies to a topic (bus config), which registered
 * schema governs it (fed by the registry), the check of each event on the publish path, and the
 * EVENT_INVALID_SCHEMA reports. Everything here is owned by the broker loop thread, except the
 * immutable {@link io.onex.bus.protocol.schema.TopicSchemaSet} handed in from outside.
 */
package io.onex.bus.broker.schema;
