package io.onex.bus.registry.store;

import static io.onex.bus.registry.store.StoreFixtures.activeLease;
import static io.onex.bus.registry.store.StoreFixtures.bus;
import static io.onex.bus.registry.store.StoreFixtures.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.lease.LeaseStatus;
import io.onex.bus.registry.node.NodeRecord;
import io.onex.bus.registry.node.NodeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file itself: creation, reopening, sharing, durability settings, and files it refuses. */
class SqliteRegistryStoreFileTest {
  @TempDir Path dir;

  @Test
  void createsMissingParentDirectoriesAndTheSchema() throws Exception {
    Path file = dir.resolve("a/b/c/registry.db");

    try (SqliteRegistryStore store = SqliteRegistryStore.open(file)) {
      assertThat(store.file()).isEqualTo(file.toAbsolutePath());
      assertThat(store.nodes()).isEmpty();
    }

    assertThat(file).isRegularFile();
    try (Connection c = jdbc(file)) {
      assertThat(query(c, "PRAGMA user_version")).isEqualTo(String.valueOf(SqliteSchema.VERSION));
      assertThat(query(c, "PRAGMA journal_mode")).isEqualTo("wal");
      assertThat(
              query(
                  c,
                  "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema"
                      + " WHERE name NOT LIKE 'sqlite_%' ORDER BY name)"))
          .isEqualTo(
              "buses,debug_settings,leases,leases_active_expires_at,leases_active_host_port,nodes,"
                  + "schema_revisions,schemas");
    }
  }

  @Test
  void everythingComesBackAfterReopening() {
    Path file = dir.resolve("registry.db");
    Lease active = activeLease("active", "h", 1000);
    Lease released = activeLease("released", "h", 1001).withStatus(LeaseStatus.RELEASED);
    try (SqliteRegistryStore store = SqliteRegistryStore.open(file)) {
      store.tryInsertLease(active);
      store.tryInsertLease(activeLease("released", "h", 1001));
      store.updateLease(released);
      store.putNode(node("n1"));
      store.putBus(bus("orders"));
    }

    // Twice: reopening an existing store must change nothing.
    for (int i = 0; i < 2; i++) {
      try (SqliteRegistryStore store = SqliteRegistryStore.open(file)) {
        assertThat(store.findLease("active")).contains(active);
        assertThat(store.findLease("released")).contains(released);
        assertThat(store.activeLeases()).containsExactly(active);
        assertThat(store.nodes()).containsExactly(node("n1"));
        assertThat(store.buses()).containsExactly(bus("orders"));
        // The conflict index survived too.
        assertThat(store.tryInsertLease(activeLease("again", "h", 1000))).isFalse();
      }
    }
  }

  @Test
  void aSecondStoreOnAnOpenFileReadsAndWrites() {
    Path file = dir.resolve("registry.db");
    try (SqliteRegistryStore first = SqliteRegistryStore.open(file)) {
      first.putNode(node("n1"));
      first.tryInsertLease(activeLease("l1", "h", 2000));

      try (SqliteRegistryStore second = SqliteRegistryStore.open(file)) {
        assertThat(second.nodes()).containsExactly(node("n1"));
        assertThat(second.isPortLeased("h", 2000)).isTrue();

        assertThat(second.tryInsertLease(activeLease("l2", "h", 2000))).isFalse();
        second.putBus(bus("orders"));
        assertThat(first.buses()).containsExactly(bus("orders"));
      }
    }
  }

  @Test
  void aVersion1FileIsMigratedAndKeepsItsNodes() throws Exception {
    Path file = dir.resolve("v1.db");
    // A file as a version-1 build left it: the first migration only, and a node row without the
    // affinity column.
    try (Connection c = jdbc(file);
        Statement s = c.createStatement()) {
      for (String sql : SqliteSchema.MIGRATIONS.get(0)) {
        s.executeUpdate(sql);
      }
      s.executeUpdate("PRAGMA application_id = " + SqliteSchema.APPLICATION_ID);
      s.executeUpdate("PRAGMA user_version = 1");
      s.executeUpdate(
          "INSERT INTO nodes (node_id, buses, topics, leases, trust, metadata, registered_at,"
              + " last_seen, ttl_ms, durable, status) VALUES ('old', '[\"events\"]',"
              + " '{\"publish\":[\"a.b\"],\"subscribe\":[]}', '[]', 'unverified',"
              + " '{\"type\":\"worker\"}', 1000000, 2000000, 15000, 1, 'offline')");
    }

    try (SqliteRegistryStore store = SqliteRegistryStore.open(file)) {
      NodeRecord old = store.findNode("old").orElseThrow();
      assertThat(old.affinity()).isEmpty();
      assertThat(old.buses()).containsExactly("events");
      assertThat(old.topics().publish()).containsExactly("a.b");
      assertThat(old.status()).isEqualTo(NodeStatus.OFFLINE);

      NodeRecord preferring = old.withStatus(NodeStatus.ONLINE);
      preferring =
          new NodeRecord(
              preferring.nodeId(),
              preferring.buses(),
              preferring.topics(),
              List.of("telemetry.>"),
              preferring.leases(),
              preferring.trust(),
              preferring.metadata(),
              preferring.registeredAt(),
              preferring.lastSeen(),
              preferring.ttl(),
              preferring.durable(),
              preferring.status());
      store.putNode(preferring);
      assertThat(store.findNode("old")).contains(preferring);
    }
    try (Connection c = jdbc(file)) {
      assertThat(query(c, "PRAGMA user_version")).isEqualTo(String.valueOf(SqliteSchema.VERSION));
      assertThat(query(c, "SELECT affinity FROM nodes WHERE node_id = 'old'"))
          .isEqualTo("[\"telemetry.>\"]");
    }
    // Reopening the migrated file changes nothing.
    try (SqliteRegistryStore store = SqliteRegistryStore.open(file)) {
      assertThat(store.findNode("old").orElseThrow().affinity()).containsExactly("telemetry.>");
    }
  }

  @Test
  void aFileOfRandomBytesIsRefusedByName() throws Exception {
    Path file = dir.resolve("garbage.db");
    byte[] bytes = new byte[8192];
    new Random(42).nextBytes(bytes);
    Files.write(file, bytes);

    assertThatThrownBy(() -> SqliteRegistryStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not a database");
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void aNewerSchemaVersionIsRefusedByName() throws Exception {
    Path file = dir.resolve("future.db");
    SqliteRegistryStore.open(file).close();
    try (Connection c = jdbc(file);
        Statement s = c.createStatement()) {
      s.executeUpdate("PRAGMA user_version = " + (SqliteSchema.VERSION + 1));
    }

    assertThatThrownBy(() -> SqliteRegistryStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("schema version " + (SqliteSchema.VERSION + 1))
        .hasMessageContaining("newer");
  }

  @Test
  void anotherApplicationsDatabaseIsRefusedAndLeftAlone() throws Exception {
    Path file = dir.resolve("other.db");
    try (Connection c = jdbc(file);
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE notes (text TEXT)");
    }

    assertThatThrownBy(() -> SqliteRegistryStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not an onex registry store");
    try (Connection c = jdbc(file)) {
      assertThat(query(c, "SELECT count(*) FROM sqlite_schema")).isEqualTo("1");
    }
  }

  @Test
  void anEmptyFileBecomesAStore() throws Exception {
    Path file = dir.resolve("empty.db");
    Files.createFile(file);

    try (SqliteRegistryStore store = SqliteRegistryStore.open(file)) {
      store.putNode(node("n1"));
      assertThat(store.nodes()).hasSize(1);
    }
  }

  @Test
  void corruptJsonNamesTableKeyAndColumn() throws Exception {
    Path file = dir.resolve("registry.db");
    try (SqliteRegistryStore store = SqliteRegistryStore.open(file)) {
      store.putNode(node("n1"));
      store.putBus(bus("orders"));
      try (Connection c = jdbc(file);
          Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE nodes SET topics = '{\"publish\": [' WHERE node_id = 'n1'");
        s.executeUpdate("UPDATE buses SET connections = '[{\"node_id\": 7}]'");
      }

      assertThatThrownBy(() -> store.findNode("n1"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("nodes")
          .hasMessageContaining("'n1'")
          .hasMessageContaining("topics")
          .hasMessageContaining("invalid JSON");
      assertThatThrownBy(store::nodes).isInstanceOf(StoreException.class);
      assertThatThrownBy(() -> store.findBus("orders"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("buses")
          .hasMessageContaining("'orders'")
          .hasMessageContaining("connections")
          .hasMessageContaining("node_id must be a string");
      // The store still works for other rows.
      store.putNode(node("n2"));
      assertThat(store.findNode("n2")).contains(node("n2"));
    }
  }

  @Test
  void extrasTheBusMetadataRefusesAreReportedAsCorrupt() throws Exception {
    Path file = dir.resolve("registry.db");
    try (SqliteRegistryStore store = SqliteRegistryStore.open(file)) {
      store.putBus(bus("orders"));
      try (Connection c = jdbc(file);
          Statement s = c.createStatement()) {
        s.executeUpdate(
            "UPDATE buses SET metadata ="
                + " '{\"purpose\":\"\",\"qos\":\"x\",\"debug\":false,\"extra\":{\"k\":null}}'");
      }

      assertThatThrownBy(() -> store.findBus("orders"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("buses")
          .hasMessageContaining("metadata")
          .hasMessageContaining("extra.k");
    }
  }

  @Test
  void aClosedStoreFailsAndClosingTwiceIsHarmless() {
    SqliteRegistryStore store = SqliteRegistryStore.open(dir.resolve("registry.db"));
    store.close();
    store.close();

    assertThatThrownBy(store::nodes)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
  }

  private static Connection jdbc(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  private static String query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
