package io.onex.bus.registry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The prepared statements of one connection, each prepared on first use and kept until {@link
 * #close()}: SQLite then parses and plans each statement once, not on every call. Not thread-safe;
 * whoever owns the connection guards it (in {@link SqliteRegistryStore}, its lock).
 */
final class StatementCache implements AutoCloseable {
  private final Connection connection;
  private final Map<String, PreparedStatement> bySql = new HashMap<>();

  StatementCache(Connection connection) {
    this.connection = connection;
  }

  /** The statement for {@code sql}; its parameters are whatever the last user left. */
  PreparedStatement get(String sql) throws SQLException {
    PreparedStatement ps = bySql.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      bySql.put(sql, ps);
    }
    return ps;
  }

  /** Closes every statement, trying all of them even when one fails. */
  @Override
  public void close() throws SQLException {
    List<SQLException> failures = new ArrayList<>();
    for (PreparedStatement ps : bySql.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        failures.add(e);
      }
    }
    bySql.clear();
    if (!failures.isEmpty()) {
      SQLException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }
}
