package io.onex.bus.protocol.schema;

/**
 * A document offered as a JSON Schema is not one this bus accepts: not valid against the draft
 * 2020-12 meta-schema, refers to documents outside itself, or uses another dialect. The message
 * says why; {@link #pointer()} says where in the schema.
 */
public final class InvalidSchemaException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String pointer;

  public InvalidSchemaException(String message, String pointer) {
    super(message);
    this.pointer = pointer;
  }

  /** JSON Pointer into the schema document; {@code ""} for the document as a whole. */
  public String pointer() {
    return pointer;
  }
}
