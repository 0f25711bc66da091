package io.onex.bus.protocol.schema;

/**
 * A registered topic schema compiled and ready to check events: networknt's evaluator, and, when
 * the schema uses only the common structural keywords, a quick streaming form that answers "valid"
 * for the common case without building a tree. Immutable; any thread.
 */
public final class TopicSchema {
  private final RegisteredSchema registered;
  private final CompiledSchema compiled;
  private final FastSchema fast;

  private TopicSchema(RegisteredSchema registered, CompiledSchema compiled, FastSchema fast) {
    this.registered = registered;
    this.compiled = compiled;
    this.fast = fast;
  }

  /** Compiles a registered schema; throws if the document is not one this bus accepts. */
  public static TopicSchema compile(RegisteredSchema registered) throws InvalidSchemaException {
    return new TopicSchema(
        registered, JsonSchemas.compile(registered.schema()), FastSchema.of(registered.schema()));
  }

  /** What the registry holds: pattern, version, hash, what it applies to. */
  public RegisteredSchema registered() {
    return registered;
  }

  /** The compiled document (the evaluator, which decides and explains). */
  public CompiledSchema compiled() {
    return compiled;
  }

  /** The quick streaming form, or null when the schema uses keywords it does not know. */
  FastSchema fast() {
    return fast;
  }
}
