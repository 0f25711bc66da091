package io.onex.bus.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.registry.RegistryCommand;
import io.onex.bus.protocol.registry.RequestBody;
import io.onex.bus.protocol.schema.AppliesTo;
import io.onex.bus.registry.RegistryException;
import io.onex.bus.registry.api.SchemaViews;
import io.onex.bus.registry.schema.SchemaRegistry;
import java.util.Map;
import java.util.Optional;

/**
 * The schema commands of the registry protocol (docs/protocol.md §16.16): reads their fields and
 * calls the {@link SchemaRegistry}. Registry loop thread only.
 */
final class SchemaRequests {
  private final SchemaRegistry schemas;

  SchemaRequests(SchemaRegistry schemas) {
    this.schemas = schemas;
  }

  /** The OK body for one of the SCHEMA_* commands; a refusal is thrown. */
  ObjectNode handle(RegistryCommand command, RequestBody b)
      throws RegistryException, ProtocolException {
    return switch (command) {
      case SCHEMA_REGISTER -> {
        String bus = b.requiredText("bus");
        String topic = b.requiredText("topic");
        JsonNode schema = b.json().get("schema");
        if (schema == null || schema.isNull()) {
          throw new ProtocolException(
              ErrorCode.INVALID_REQUEST, "schema is required (a JSON Schema object)", "schema");
        }
        yield SchemaViews.registered(
            schemas.register(
                bus,
                topic,
                schema,
                appliesTo(b.text("applies_to", null)),
                b.text("registered_by", null)));
      }
      case SCHEMA_GET ->
          SchemaViews.one(
              schemas.get(
                  b.requiredText("bus"),
                  b.requiredText("topic"),
                  b.integer("version", 1, Integer.MAX_VALUE, 0)));
      case SCHEMA_LIST -> {
        Optional<String> bus = Optional.ofNullable(b.text("bus", null));
        boolean documents = b.bool("documents", false);
        yield SchemaViews.listing(schemas.current(bus), revisions(bus), documents);
      }
      case SCHEMA_DELETE ->
          SchemaViews.deleted(schemas.delete(b.requiredText("bus"), b.requiredText("topic")));
      case SCHEMA_HISTORY ->
          SchemaViews.history(schemas.history(b.requiredText("bus"), b.requiredText("topic")));
      default -> throw new IllegalArgumentException(command + " is not a schema command");
    };
  }

  /** One bus's revision (0 included), or every bus's. */
  private Map<String, Long> revisions(Optional<String> bus) {
    return bus.isPresent() ? Map.of(bus.get(), schemas.revision(bus.get())) : schemas.revisions();
  }

  /** {@code applies_to} as sent: {@code metadata} (also when absent) or {@code event}. */
  static AppliesTo appliesTo(String wire) throws ProtocolException {
    if (wire == null) {
      return AppliesTo.METADATA;
    }
    try {
      return AppliesTo.fromWireName(wire);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(ErrorCode.INVALID_REQUEST, e.getMessage(), wire);
    }
  }
}
