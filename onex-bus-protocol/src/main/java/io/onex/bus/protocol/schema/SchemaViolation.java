package io.onex.bus.protocol.schema;

/**
 * One reason a JSON document failed a schema: where in the document (a JSON Pointer, {@code ""} for
 * the root) and what is wrong there. Immutable.
 */
public record SchemaViolation(String pointer, String message) {}
