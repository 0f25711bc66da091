package io.onex.bus.registry.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.schema.AppliesTo;
import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.registry.schema.StoredSchema;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The {@code schemas} and {@code schema_revisions} tables' statements and the mapping between a
 * {@code schemas} row and {@link StoredSchema}. The document column holds the schema as registered
 * (compact JSON, the author's key order), not its canonical form. Stateless; any thread (the
 * statements it fills belong to the caller).
 */
final class SchemaRows {
  private static final String COLUMNS =
      "bus, topic, version, hash, applies_to, document, registered_at, registered_by, deleted_at";

  static final String INSERT =
      "INSERT INTO schemas (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)";

  /** The newest version of one (bus, topic), deleted or not. */
  static final String LATEST =
      "SELECT "
          + COLUMNS
          + " FROM schemas WHERE bus = ? AND topic = ? ORDER BY version DESC LIMIT 1";

  static final String VERSION =
      "SELECT " + COLUMNS + " FROM schemas WHERE bus = ? AND topic = ? AND version = ?";

  static final String HISTORY =
      "SELECT " + COLUMNS + " FROM schemas WHERE bus = ? AND topic = ? ORDER BY version";

  /**
   * The current version of every (bus, topic): its newest version, unless that was deleted. A
   * deletion marks every version since the previous one, so "newest and not deleted" is enough.
   */
  static final String CURRENT =
      "SELECT "
          + COLUMNS
          + " FROM schemas s WHERE deleted_at IS NULL AND version ="
          + " (SELECT max(version) FROM schemas t WHERE t.bus = s.bus AND t.topic = s.topic)"
          + " ORDER BY bus, topic";

  static final String MARK_DELETED =
      "UPDATE schemas SET deleted_at = ? WHERE bus = ? AND topic = ? AND deleted_at IS NULL";

  static final String BUMP_REVISION =
      "INSERT INTO schema_revisions (bus, revision) VALUES (?, 1)"
          + " ON CONFLICT (bus) DO UPDATE SET revision = revision + 1 RETURNING revision";

  static final String REVISION = "SELECT revision FROM schema_revisions WHERE bus = ?";

  static final String REVISIONS = "SELECT bus, revision FROM schema_revisions ORDER BY bus";

  private SchemaRows() {}

  /** Fills {@link #INSERT}'s parameters. */
  static void bindInsert(PreparedStatement ps, RegisteredSchema s) throws SQLException {
    ps.setString(1, s.bus());
    ps.setString(2, s.topic());
    ps.setInt(3, s.version());
    ps.setString(4, s.hash());
    ps.setString(5, s.appliesTo().wireName());
    ps.setString(6, document(s.schema()));
    ps.setLong(7, Micros.of(s.registeredAt()));
    ps.setString(8, s.registeredBy());
  }

  /**
   * Fills the (bus, topic) parameters that {@link #LATEST}, {@link #HISTORY} and more start with.
   */
  static void bindKey(PreparedStatement ps, String bus, String topic) throws SQLException {
    ps.setString(1, bus);
    ps.setString(2, topic);
  }

  /** The stored version in the result set's current row. */
  static StoredSchema read(ResultSet rs) throws SQLException {
    String bus = rs.getString("bus");
    String topic = rs.getString("topic");
    int version = rs.getInt("version");
    RowContext row = new RowContext("schemas", bus + " " + topic + " v" + version);
    AppliesTo appliesTo =
        row.decode("applies_to", rs.getString("applies_to"), AppliesTo::fromWireName);
    JsonNode document = row.decode("document", rs.getString("document"), SchemaRows::parse);
    long deleted = rs.getLong("deleted_at");
    Instant deletedAt = rs.wasNull() ? null : Micros.toInstant(deleted);
    return new StoredSchema(
        new RegisteredSchema(
            bus,
            topic,
            version,
            rs.getString("hash"),
            appliesTo,
            document,
            Micros.toInstant(rs.getLong("registered_at")),
            rs.getString("registered_by")),
        deletedAt);
  }

  /** Fills {@link #MARK_DELETED}'s parameters. */
  static void bindMarkDeleted(PreparedStatement ps, Instant at, String bus, String topic)
      throws SQLException {
    ps.setLong(1, Micros.of(at));
    ps.setString(2, bus);
    ps.setString(3, topic);
  }

  private static String document(JsonNode schema) {
    try {
      return RegistryCodec.mapper().writeValueAsString(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always prints", e);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return RegistryCodec.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
