package io.onex.bus.protocol.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON Schema documents (draft 2020-12) into {@link CompiledSchema}s with networknt's
 * json-schema-validator, refusing what the bus does not accept: documents that break the 2020-12
 * meta-schema, other dialects, and references to anything outside the document itself (a broker
 * must never fetch a URL because a publisher registered one). Errors point into the document with
 * JSON Pointers. Stateless; any thread.
 */
public final class JsonSchemas {
  /** The only dialect accepted; a document without {@code $schema} is read as this one. */
  public static final String DIALECT = SpecificationVersion.DRAFT_2020_12.getDialectId();

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          b ->
              b.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().pathType(PathType.JSON_POINTER).build()));

  private static final Schema META_SCHEMA = REGISTRY.getSchema(SchemaLocation.of(DIALECT));

  private JsonSchemas() {}

  /** Checks and compiles {@code document}; throws with the first reason it is refused. */
  public static CompiledSchema compile(JsonNode document) throws InvalidSchemaException {
    if (document == null || !document.isObject()) {
      throw new InvalidSchemaException("a schema must be a JSON object", "");
    }
    JsonNode dialect = document.get("$schema");
    if (dialect != null && !(dialect.isTextual() && DIALECT.equals(dialect.textValue()))) {
      throw new InvalidSchemaException(
          "only JSON Schema draft 2020-12 is supported: $schema must be " + DIALECT + " or absent",
          "/$schema");
    }
    refuseOutsideReferences(document, "");
    List<Error> metaErrors = META_SCHEMA.validate(document);
    if (!metaErrors.isEmpty()) {
      Error first = metaErrors.get(0);
      throw new InvalidSchemaException(
          "not a valid JSON Schema: " + first.getMessage(), first.getInstanceLocation().toString());
    }
    try {
      Schema schema = REGISTRY.getSchema(document);
      // Compile every keyword now, so that a bad regex or a dangling $ref fails registration
      // instead of the first event that reaches it.
      schema.initializeValidators();
      return new CompiledSchema(document, SchemaHash.of(document), schema);
    } catch (RuntimeException e) {
      throw new InvalidSchemaException("the schema cannot be compiled: " + e.getMessage(), "");
    }
  }

  private static void refuseOutsideReferences(JsonNode node, String pointer)
      throws InvalidSchemaException {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        String key = f.getKey();
        String here = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
        boolean reference = key.equals("$ref") || key.equals("$dynamicRef");
        if (reference && f.getValue().isTextual() && !f.getValue().textValue().startsWith("#")) {
          throw new InvalidSchemaException(
              "references outside the schema document are not allowed: " + f.getValue().textValue(),
              here);
        }
        refuseOutsideReferences(f.getValue(), here);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refuseOutsideReferences(node.get(i), pointer + "/" + i);
      }
    }
  }
}
