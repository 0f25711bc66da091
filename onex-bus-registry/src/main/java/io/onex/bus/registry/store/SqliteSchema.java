package io.onex.bus.registry.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables and their versions. A file is an onex registry store when its {@code PRAGMA
 * application_id} is {@link #APPLICATION_ID}; {@code PRAGMA user_version} is the schema version,
 * the number of {@link #MIGRATIONS} applied. A later schema appends a migration; a file written by
 * a newer build (a higher version) is refused rather than misread.
 *
 * <p>Timestamps are INTEGER microseconds since the epoch (see {@link Micros}); {@code ttl_ms} is
 * INTEGER milliseconds (a TTL's sub-millisecond part is dropped); JSON columns are TEXT in the
 * formats {@link JsonColumns} describes. Stateless; any thread (the connection it is given belongs
 * to the caller).
 */
final class SqliteSchema {
  /** "ONXR" in ASCII: marks the file as an onex registry store. */
  static final int APPLICATION_ID = 0x4F4E5852;

  private static final List<String> V1 =
      List.of(
          """
          CREATE TABLE leases (
            lease_id           TEXT    NOT NULL PRIMARY KEY,
            host               TEXT    NOT NULL,
            port               INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
            protocol           TEXT    NOT NULL,
            purpose            TEXT    NOT NULL,
            node_id            TEXT    NOT NULL,
            requester_id       TEXT    NOT NULL,
            ttl_ms             INTEGER NOT NULL,
            port_allocation_ts INTEGER NOT NULL,
            last_heartbeat_ts  INTEGER NOT NULL,
            expires_at         INTEGER NOT NULL,
            status             TEXT    NOT NULL
                               CHECK (status IN ('active', 'released', 'expired'))
          )""",
          // The conflict check: at most one active lease per host and port, enforced by SQLite
          // itself so that it holds across threads, connections and processes sharing the file.
          """
          CREATE UNIQUE INDEX leases_active_host_port
            ON leases (host, port) WHERE status = 'active'""",
          // For the reaper, which asks for active leases past their expiry.
          """
          CREATE INDEX leases_active_expires_at
            ON leases (expires_at) WHERE status = 'active'""",
          """
          CREATE TABLE nodes (
            node_id       TEXT    NOT NULL PRIMARY KEY,
            buses         TEXT    NOT NULL,
            topics        TEXT    NOT NULL,
            leases        TEXT    NOT NULL,
            trust         TEXT    NOT NULL,
            metadata      TEXT    NOT NULL,
            registered_at INTEGER NOT NULL,
            last_seen     INTEGER NOT NULL,
            ttl_ms        INTEGER NOT NULL,
            durable       INTEGER NOT NULL CHECK (durable IN (0, 1)),
            status        TEXT    NOT NULL CHECK (status IN ('online', 'offline'))
          )""",
          """
          CREATE TABLE buses (
            name             TEXT    NOT NULL PRIMARY KEY,
            endpoint         TEXT    NOT NULL,
            lease_id         TEXT    NOT NULL,
            metadata         TEXT    NOT NULL,
            subscriber_count INTEGER NOT NULL,
            connections      TEXT    NOT NULL,
            registered_at    INTEGER NOT NULL,
            last_seen        INTEGER NOT NULL
          )""");

  // Version 2: the topic patterns a node prefers. Rows written by version 1 get none.
  private static final List<String> V2 =
      List.of("ALTER TABLE nodes ADD COLUMN affinity TEXT NOT NULL DEFAULT '[]'");

  // Version 3: per-topic payload schemas (issue 7). Every version of a (bus, topic pattern)'s
  // schema is kept; a deletion marks them (deleted_at) instead of removing them, so a later
  // registration goes on numbering. schema_revisions counts each bus's schema changes, which
  // brokers compare to know when to fetch the schemas again.
  private static final List<String> V3_TOPIC_SCHEMAS =
      List.of(
          """
          CREATE TABLE schemas (
            bus           TEXT    NOT NULL,
            topic         TEXT    NOT NULL,
            version       INTEGER NOT NULL CHECK (version >= 1),
            hash          TEXT    NOT NULL,
            applies_to    TEXT    NOT NULL CHECK (applies_to IN ('metadata', 'event')),
            document      TEXT    NOT NULL,
            registered_at INTEGER NOT NULL,
            registered_by TEXT    NOT NULL,
            deleted_at    INTEGER,
            PRIMARY KEY (bus, topic, version)
          )""",
          """
          CREATE TABLE schema_revisions (
            bus      TEXT    NOT NULL PRIMARY KEY,
            revision INTEGER NOT NULL CHECK (revision >= 1)
          )""");

  // Version 4 (debug mode): each bus's debug settings as set through the HTTP API, kept across
  // restarts.
  private static final List<String> V4_DEBUG_SETTINGS =
      List.of(
          """
          CREATE TABLE debug_settings (
            bus        TEXT    NOT NULL PRIMARY KEY,
            settings   TEXT    NOT NULL,
            updated_at INTEGER NOT NULL
          )""");

  /**
   * Element {@code v} takes a file from schema version {@code v} to {@code v + 1}. Never edit one
   * that shipped: files out there were made by it. Package-private for the migration tests.
   */
  static final List<List<String>> MIGRATIONS = List.of(V1, V2, V3_TOPIC_SCHEMAS, V4_DEBUG_SETTINGS);

  /** The schema version this build writes. */
  static final int VERSION = MIGRATIONS.size();

  private SqliteSchema() {}

  /**
   * Brings the file behind {@code connection} (in auto-commit mode) to {@link #VERSION}, creating
   * the schema in an empty file, in one transaction so that concurrent openers do it once.
   *
   * @return the version the file had before
   * @throws StoreException naming {@code file} when it is not a registry store or is newer
   */
  static int migrate(Connection connection, Path file) throws SQLException {
    return Transactions.inTransaction(
        connection,
        () -> {
          try (Statement s = connection.createStatement()) {
            return migrate(s, file);
          }
        });
  }

  private static int migrate(Statement s, Path file) throws SQLException {
    int applicationId = intPragma(s, "application_id");
    int version = intPragma(s, "user_version");
    boolean empty = applicationId == 0 && version == 0 && !hasTables(s);
    if (applicationId != APPLICATION_ID && !empty) {
      throw new StoreException(
          file
              + " is a SQLite database but not an onex registry store (application_id "
              + applicationId
              + ", user_version "
              + version
              + ")");
    }
    if (version > VERSION) {
      throw new StoreException(
          file
              + " has registry store schema version "
              + version
              + ", newer than version "
              + VERSION
              + " that this build understands; open it with a newer onex");
    }
    for (int v = version; v < VERSION; v++) {
      for (String sql : MIGRATIONS.get(v)) {
        s.executeUpdate(sql);
      }
    }
    if (version < VERSION) {
      // PRAGMA takes no bound parameters; both values are constants of this class.
      s.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
      s.executeUpdate("PRAGMA user_version = " + VERSION);
    }
    return version;
  }

  private static int intPragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static boolean hasTables(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_schema LIMIT 1")) {
      return rs.next();
    }
  }
}
