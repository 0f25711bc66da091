package io.onex.bus.registry.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.registry.schema.SchemaDeletion;
import io.onex.bus.registry.schema.SchemaWrite;
import io.onex.bus.registry.schema.StoredSchema;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the schema commands' results, the same over the registry protocol and HTTP
 * (docs/protocol.md §16.16): each schema is {@link RegisteredSchema#toJson()}. Stateless; any
 * thread.
 */
public final class SchemaViews {
  private SchemaViews() {}

  /** SCHEMA_REGISTER's result: {@code schema}, {@code created}, {@code revision}. */
  public static ObjectNode registered(SchemaWrite w) {
    ObjectNode o = RegistryCodec.object();
    o.set("schema", w.schema().toJson());
    o.put("created", w.created());
    o.put("revision", w.revision());
    return o;
  }

  /** SCHEMA_GET's result: {@code schema}. */
  public static ObjectNode one(RegisteredSchema s) {
    ObjectNode o = RegistryCodec.object();
    o.set("schema", s.toJson());
    return o;
  }

  /**
   * SCHEMA_LIST's result: {@code schemas}, the current ones, with their documents only when asked;
   * {@code revisions}, bus to schema revision.
   */
  public static ObjectNode listing(
      List<RegisteredSchema> current, Map<String, Long> revisions, boolean documents) {
    ObjectNode o = RegistryCodec.object();
    ArrayNode list = o.putArray("schemas");
    for (RegisteredSchema s : current) {
      ObjectNode j = s.toJson();
      if (!documents) {
        j.remove("schema");
      }
      list.add(j);
    }
    ObjectNode r = o.putObject("revisions");
    revisions.forEach(r::put);
    return o;
  }

  /** SCHEMA_HISTORY's result: {@code schemas}, every version oldest first, with documents. */
  public static ObjectNode history(List<StoredSchema> versions) {
    ObjectNode o = RegistryCodec.object();
    ArrayNode list = o.putArray("schemas");
    versions.forEach(v -> list.add(v.toJson()));
    return o;
  }

  /**
   * SCHEMA_DELETE's result: {@code deleted}, {@code version} (the last current), {@code revision}.
   */
  public static ObjectNode deleted(SchemaDeletion d) {
    ObjectNode o = RegistryCodec.object();
    o.put("deleted", d.deleted());
    o.put("version", d.current().version());
    o.put("revision", d.revision());
    return o;
  }
}
