package io.onex.bus.registry.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.schema.AppliesTo;
import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.protocol.schema.SchemaHash;
import io.onex.bus.registry.schema.SchemaDeletion;
import io.onex.bus.registry.schema.SchemaWrite;
import io.onex.bus.registry.schema.StoredSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code schemas} and {@code schema_revisions} tables: version numbering, idempotent
 * re-registration, deletion that keeps the history, per-bus revisions, reopening, and a version-2
 * file migrated to them.
 */
class SqliteRegistryStoreSchemaTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

  @TempDir Path dir;

  private static JsonNode json(String text) {
    try {
      return RegistryCodec.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static RegisteredSchema candidate(
      String bus, String topic, String doc, AppliesTo appliesTo, Instant at) {
    JsonNode d = json(doc);
    return new RegisteredSchema(bus, topic, 0, SchemaHash.of(d), appliesTo, d, at, "node-a");
  }

  private static final String A = "{\"type\":\"object\",\"required\":[\"x\"]}";
  private static final String B = "{\"type\":\"object\",\"required\":[\"y\"]}";

  @Test
  void versionsCountUpAndTheSameDocumentIsNotStoredTwice() {
    try (SqliteRegistryStore store = SqliteRegistryStore.open(dir.resolve("r.db"))) {
      SchemaWrite first =
          store.registerSchema(candidate("user", "orders.*", A, AppliesTo.METADATA, T0));
      assertThat(first.created()).isTrue();
      assertThat(first.schema().version()).isEqualTo(1);
      assertThat(first.revision()).isEqualTo(1);

      // Same document in another key order: same hash, nothing new.
      SchemaWrite again =
          store.registerSchema(
              candidate(
                  "user",
                  "orders.*",
                  "{\"required\":[\"x\"],\"type\":\"object\"}",
                  AppliesTo.METADATA,
                  T0.plusSeconds(5)));
      assertThat(again.created()).isFalse();
      assertThat(again.schema()).isEqualTo(first.schema());
      assertThat(again.revision()).isEqualTo(1);

      // The same document applied to the whole event is a change.
      SchemaWrite event =
          store.registerSchema(candidate("user", "orders.*", A, AppliesTo.EVENT, T0));
      assertThat(event.created()).isTrue();
      assertThat(event.schema().version()).isEqualTo(2);
      assertThat(event.revision()).isEqualTo(2);

      SchemaWrite other =
          store.registerSchema(candidate("user", "users.>", B, AppliesTo.METADATA, T0));
      assertThat(other.schema().version()).isEqualTo(1);
      assertThat(other.revision()).isEqualTo(3);
      SchemaWrite otherBus =
          store.registerSchema(candidate("telemetry", "orders.*", B, AppliesTo.METADATA, T0));
      assertThat(otherBus.revision()).isEqualTo(1);

      assertThat(store.findSchema("user", "orders.*", 0).orElseThrow().schema().version())
          .isEqualTo(2);
      assertThat(store.findSchema("user", "orders.*", 1).orElseThrow().schema())
          .isEqualTo(first.schema());
      assertThat(store.findSchema("user", "orders.*", 3)).isEmpty();
      assertThat(store.currentSchemas())
          .extracting(s -> s.bus() + " " + s.topic() + " v" + s.version())
          .containsExactly("telemetry orders.* v1", "user orders.* v2", "user users.> v1");
      assertThat(store.schemaRevisions()).isEqualTo(Map.of("telemetry", 1L, "user", 3L));
    }
  }

  @Test
  void deletionKeepsTheHistoryAndTheNextRegistrationGoesOnNumbering() {
    Path file = dir.resolve("r.db");
    try (SqliteRegistryStore store = SqliteRegistryStore.open(file)) {
      store.registerSchema(candidate("user", "orders.*", A, AppliesTo.METADATA, T0));
      store.registerSchema(candidate("user", "orders.*", B, AppliesTo.METADATA, T0));

      Instant at = T0.plusSeconds(60);
      SchemaDeletion d = store.deleteSchema("user", "orders.*", at).orElseThrow();
      assertThat(d.deleted()).isEqualTo(2);
      assertThat(d.current().version()).isEqualTo(2);
      assertThat(d.revision()).isEqualTo(3);
      assertThat(store.currentSchemas()).isEmpty();
      assertThat(store.deleteSchema("user", "orders.*", at)).isEmpty();
      assertThat(store.schemaRevisions()).containsEntry("user", 3L);

      // Registering the last document again after a deletion is a new version, not a no-op.
      SchemaWrite back =
          store.registerSchema(candidate("user", "orders.*", B, AppliesTo.METADATA, at));
      assertThat(back.created()).isTrue();
      assertThat(back.schema().version()).isEqualTo(3);
      assertThat(back.revision()).isEqualTo(4);
    }
    try (SqliteRegistryStore store = SqliteRegistryStore.open(file)) {
      List<StoredSchema> history = store.schemaHistory("user", "orders.*");
      assertThat(history).extracting(h -> h.schema().version()).containsExactly(1, 2, 3);
      assertThat(history)
          .extracting(StoredSchema::deletedAt)
          .containsExactly(T0.plusSeconds(60), T0.plusSeconds(60), null);
      assertThat(history.get(0).schema().schema()).isEqualTo(json(A));
      assertThat(history.get(0).schema().registeredAt()).isEqualTo(T0);
      assertThat(history.get(0).schema().registeredBy()).isEqualTo("node-a");
      assertThat(history.get(0).toJson().path("deleted_at").asText())
          .isEqualTo("2026-03-01T10:01:00.123456Z");
      assertThat(history.get(2).toJson().has("deleted_at")).isFalse();
      assertThat(store.schemaRevisions()).isEqualTo(Map.of("user", 4L));
      assertThat(store.currentSchemas()).extracting(RegisteredSchema::version).containsExactly(3);
    }
  }

  @Test
  void aVersion2FileGetsTheSchemaTablesAndKeepsItsData() throws Exception {
    Path file = dir.resolve("v2.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (int v = 0; v < 2; v++) {
        for (String sql : SqliteSchema.MIGRATIONS.get(v)) {
          s.executeUpdate(sql);
        }
      }
      s.executeUpdate("PRAGMA application_id = " + SqliteSchema.APPLICATION_ID);
      s.executeUpdate("PRAGMA user_version = 2");
      s.executeUpdate(
          "INSERT INTO buses (name, endpoint, lease_id, metadata, subscriber_count, connections,"
              + " registered_at, last_seen) VALUES ('user', 'tcp://127.0.0.1:5555', '',"
              + " '{\"purpose\":\"\",\"qos\":\"best-effort\",\"debug\":false,\"extra\":{}}', 0,"
              + " '[]', 1000000, 1000000)");
    }
    try (SqliteRegistryStore store = SqliteRegistryStore.open(file)) {
      assertThat(store.findBus("user")).isPresent();
      assertThat(store.currentSchemas()).isEmpty();
      assertThat(store.schemaRevisions()).isEmpty();
      assertThat(
              store
                  .registerSchema(candidate("user", "a.b", A, AppliesTo.METADATA, T0))
                  .schema()
                  .version())
          .isEqualTo(1);
    }
  }
}
