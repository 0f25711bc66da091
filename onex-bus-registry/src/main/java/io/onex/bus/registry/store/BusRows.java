package io.onex.bus.registry.store;

import io.onex.bus.config.BusMetadata;
import io.onex.bus.registry.node.BusConnection;
import io.onex.bus.registry.node.BusRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code buses} table's statements and the mapping between its rows and {@link BusRecord}.
 * Stateless; any thread (the statements it fills belong to the caller).
 */
final class BusRows {
  private static final String COLUMNS =
      "name, endpoint, lease_id, metadata, subscriber_count, connections, registered_at,"
          + " last_seen";

  // No foreign keys or triggers hang on buses, so REPLACE's delete-then-insert is a plain upsert.
  static final String PUT =
      "INSERT OR REPLACE INTO buses (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

  static final String FIND = "SELECT " + COLUMNS + " FROM buses WHERE name = ?";

  static final String ALL = "SELECT " + COLUMNS + " FROM buses ORDER BY name";

  static final String REMOVE = "DELETE FROM buses WHERE name = ?";

  private BusRows() {}

  /** Fills {@link #PUT}'s parameters. */
  static void bindPut(PreparedStatement ps, BusRecord bus) throws SQLException {
    ps.setString(1, bus.name());
    ps.setString(2, bus.endpoint());
    ps.setString(3, bus.leaseId());
    ps.setString(4, JsonColumns.writeBusMetadata(bus.metadata()));
    ps.setInt(5, bus.subscriberCount());
    ps.setString(6, JsonColumns.writeConnections(bus.connections()));
    ps.setLong(7, Micros.of(bus.registeredAt()));
    ps.setLong(8, Micros.of(bus.lastSeen()));
  }

  /** The bus in the result set's current row. */
  static BusRecord read(ResultSet rs) throws SQLException {
    String name = rs.getString("name");
    RowContext row = new RowContext("buses", name);
    BusMetadata metadata =
        row.decode("metadata", rs.getString("metadata"), JsonColumns::readBusMetadata);
    List<BusConnection> connections =
        row.decode("connections", rs.getString("connections"), JsonColumns::readConnections);
    return new BusRecord(
        name,
        rs.getString("endpoint"),
        rs.getString("lease_id"),
        metadata,
        rs.getInt("subscriber_count"),
        connections,
        Micros.toInstant(rs.getLong("registered_at")),
        Micros.toInstant(rs.getLong("last_seen")));
  }
}
