package io.onex.bus.protocol.schema;

/**
 * A registered topic schema compiled and ready to check events. Immutable; any thread.
 *
 * @param registered what the registry holds: pattern, version, hash, what it applies to
 * @param compiled the compiled document
 */
public record TopicSchema(RegisteredSchema registered, CompiledSchema compiled) {

  /** Compiles a registered schema; throws if the document is not one this bus accepts. */
  public static TopicSchema compile(RegisteredSchema registered) throws InvalidSchemaException {
    return new TopicSchema(registered, JsonSchemas.compile(registered.schema()));
  }
}
