package io.onex.bus.registry.store;

import java.sql.SQLException;

/**
 * A step against the database that may fail with an {@link SQLException}; the store runs it under
 * its lock, {@link Transactions} inside a transaction. Whoever runs it chooses the thread.
 *
 * @param <T> what the step returns
 */
@FunctionalInterface
interface SqlWork<T> {
  T run() throws SQLException;
}
