package io.onex.bus.registry.store;

import io.onex.bus.registry.node.NodeRecord;
import io.onex.bus.registry.node.NodeStatus;
import io.onex.bus.registry.node.TopicScope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code nodes} table's statements and the mapping between its rows and {@link NodeRecord}.
 * Stateless; any thread (the statements it fills belong to the caller).
 */
final class NodeRows {
  private static final String COLUMNS =
      "node_id, buses, topics, leases, trust, metadata, registered_at, last_seen, ttl_ms,"
          + " durable, status, affinity";

  // No foreign keys or triggers hang on nodes, so REPLACE's delete-then-insert is a plain upsert.
  static final String PUT =
      "INSERT OR REPLACE INTO nodes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String TOUCH = "UPDATE nodes SET last_seen = ?, status = 'online' WHERE node_id = ?";

  static final String FIND = "SELECT " + COLUMNS + " FROM nodes WHERE node_id = ?";

  static final String ALL = "SELECT " + COLUMNS + " FROM nodes ORDER BY node_id";

  static final String REMOVE = "DELETE FROM nodes WHERE node_id = ?";

  private NodeRows() {}

  /** Fills {@link #PUT}'s parameters. */
  static void bindPut(PreparedStatement ps, NodeRecord node) throws SQLException {
    ps.setString(1, node.nodeId());
    ps.setString(2, JsonColumns.writeStrings(node.buses()));
    ps.setString(3, JsonColumns.writeTopics(node.topics()));
    ps.setString(4, JsonColumns.writeStrings(node.leases()));
    ps.setString(5, node.trust());
    ps.setString(6, JsonColumns.writeStringMap(node.metadata()));
    ps.setLong(7, Micros.of(node.registeredAt()));
    ps.setLong(8, Micros.of(node.lastSeen()));
    ps.setLong(9, node.ttl().toMillis());
    ps.setInt(10, node.durable() ? 1 : 0);
    ps.setString(11, node.status().wire());
    ps.setString(12, JsonColumns.writeStrings(node.affinity()));
  }

  /** The node in the result set's current row. */
  static NodeRecord read(ResultSet rs) throws SQLException {
    String id = rs.getString("node_id");
    RowContext row = new RowContext("nodes", id);
    List<String> buses = row.decode("buses", rs.getString("buses"), JsonColumns::readStrings);
    TopicScope topics = row.decode("topics", rs.getString("topics"), JsonColumns::readTopics);
    List<String> affinity =
        row.decode("affinity", rs.getString("affinity"), JsonColumns::readStrings);
    List<String> leases = row.decode("leases", rs.getString("leases"), JsonColumns::readStrings);
    Map<String, String> metadata =
        row.decode("metadata", rs.getString("metadata"), JsonColumns::readStringMap);
    NodeStatus status = row.decode("status", rs.getString("status"), NodeStatus::fromWire);
    return new NodeRecord(
        id,
        buses,
        topics,
        affinity,
        leases,
        rs.getString("trust"),
        metadata,
        Micros.toInstant(rs.getLong("registered_at")),
        Micros.toInstant(rs.getLong("last_seen")),
        Duration.ofMillis(rs.getLong("ttl_ms")),
        rs.getInt("durable") != 0,
        status);
  }
}
