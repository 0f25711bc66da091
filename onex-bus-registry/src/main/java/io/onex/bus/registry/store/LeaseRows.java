package io.onex.bus.registry.store;

import io.onex.bus.registry.lease.AllocatedBy;
import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.lease.LeaseStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The {@code leases} table's statements and the mapping between its rows and {@link Lease}.
 *
 * <p>The status {@code 'active'} is written into the SQL as a literal, never bound: SQLite uses a
 * partial index only when the query's WHERE clause visibly implies the index's, and both the
 * conflict index and the expiry index are partial on {@code status = 'active'}. Stateless; any
 * thread (the statements it fills belong to the caller).
 */
final class LeaseRows {
  private static final String COLUMNS =
      "lease_id, host, port, protocol, purpose, node_id, requester_id, ttl_ms,"
          + " port_allocation_ts, last_heartbeat_ts, expires_at, status";

  static final String INSERT =
      "INSERT INTO leases (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static final String UPDATE =
      "UPDATE leases SET host = ?, port = ?, protocol = ?, purpose = ?, node_id = ?,"
          + " requester_id = ?, ttl_ms = ?, port_allocation_ts = ?, last_heartbeat_ts = ?,"
          + " expires_at = ?, status = ? WHERE lease_id = ?";

  static final String FIND = "SELECT " + COLUMNS + " FROM leases WHERE lease_id = ?";

  static final String EXISTS = "SELECT 1 FROM leases WHERE lease_id = ?";

  static final String ACTIVE =
      "SELECT " + COLUMNS + " FROM leases WHERE status = 'active' ORDER BY host, port";

  static final String ACTIVE_EXPIRED_BY =
      "SELECT "
          + COLUMNS
          + " FROM leases WHERE status = 'active' AND expires_at <= ?"
          + " ORDER BY expires_at, lease_id";

  static final String IS_PORT_LEASED =
      "SELECT 1 FROM leases WHERE status = 'active' AND host = ? AND port = ?";

  private LeaseRows() {}

  /** Fills {@link #INSERT}'s parameters. */
  static void bindInsert(PreparedStatement ps, Lease lease) throws SQLException {
    ps.setString(1, lease.leaseId());
    bindValues(ps, 2, lease);
  }

  /** Fills {@link #UPDATE}'s parameters. */
  static void bindUpdate(PreparedStatement ps, Lease lease) throws SQLException {
    bindValues(ps, 1, lease);
    ps.setString(12, lease.leaseId());
  }

  // Every column but lease_id, in COLUMNS order, from parameter index `first` on.
  private static void bindValues(PreparedStatement ps, int first, Lease lease) throws SQLException {
    int i = first;
    ps.setString(i++, lease.host());
    ps.setInt(i++, lease.port());
    ps.setString(i++, lease.protocol());
    ps.setString(i++, lease.purpose());
    ps.setString(i++, lease.allocatedBy().nodeId());
    ps.setString(i++, lease.allocatedBy().requesterId());
    ps.setLong(i++, lease.ttl().toMillis());
    ps.setLong(i++, Micros.of(lease.portAllocationTs()));
    ps.setLong(i++, Micros.of(lease.lastHeartbeatTs()));
    ps.setLong(i++, Micros.of(lease.expiresAt()));
    ps.setString(i, lease.status().wire());
  }

  /** The lease in the result set's current row, read by the column names in {@code COLUMNS}. */
  static Lease read(ResultSet rs) throws SQLException {
    String id = rs.getString("lease_id");
    RowContext row = new RowContext("leases", id);
    LeaseStatus status = row.decode("status", rs.getString("status"), LeaseStatus::fromWire);
    try {
      return new Lease(
          id,
          rs.getString("host"),
          rs.getInt("port"),
          rs.getString("protocol"),
          rs.getString("purpose"),
          new AllocatedBy(rs.getString("node_id"), rs.getString("requester_id")),
          Duration.ofMillis(rs.getLong("ttl_ms")),
          Micros.toInstant(rs.getLong("port_allocation_ts")),
          Micros.toInstant(rs.getLong("last_heartbeat_ts")),
          Micros.toInstant(rs.getLong("expires_at")),
          status);
    } catch (IllegalArgumentException e) {
      throw row.corrupt(e);
    }
  }
}
