package io.onex.bus.registry.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs several statements as one transaction on a connection that is otherwise in auto-commit mode.
 * The connection is opened with {@code BEGIN IMMEDIATE} transactions, so the write lock is taken
 * (waiting up to the busy timeout) before the first statement rather than on the first write, where
 * two transactions that both read first could deadlock. Stateless; the caller guards the
 * connection.
 */
final class Transactions {
  private Transactions() {}

  /** Runs {@code work} and commits, or rolls back and rethrows what {@code work} threw. */
  static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
