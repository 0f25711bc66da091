package io.onex.bus.registry.store;

import java.util.function.Function;

/**
 * Which row a value is being decoded from, so that a corrupt value becomes a {@link StoreException}
 * naming table, key and column instead of a bare parser or validation error. Immutable; any thread.
 *
 * @param table the table name
 * @param key the row's primary key
 */
record RowContext(String table, String key) {

  /** {@code decode} applied to the raw value of {@code column}; any failure names the column. */
  <R, T> T decode(String column, R raw, Function<? super R, ? extends T> decode) {
    try {
      return decode.apply(raw);
    } catch (RuntimeException e) {
      throw corrupt(column, e);
    }
  }

  /** The row's values do not make a valid record (a check the columns alone do not express). */
  StoreException corrupt(RuntimeException cause) {
    return new StoreException(
        "Corrupt row in table " + table + ", key '" + key + "': " + cause.getMessage(), cause);
  }

  private StoreException corrupt(String column, RuntimeException cause) {
    return new StoreException(
        "Corrupt row in table "
            + table
            + ", key '"
            + key
            + "', column "
            + column
            + ": "
            + cause.getMessage(),
        cause);
  }
}
