package io.onex.bus.registry.store;

import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.lease.LeaseStatus;
import io.onex.bus.registry.node.BusRecord;
import io.onex.bus.registry.node.NodeRecord;
import io.onex.bus.registry.schema.SchemaDeletion;
import io.onex.bus.registry.schema.SchemaWrite;
import io.onex.bus.registry.schema.StoredSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded {@link RegistryStore}: one SQLite file (ARCHITECTURE.md section 6), tables {@code
 * leases}, {@code nodes}, {@code buses}, {@code schemas}, {@code schema_revisions} and {@code
 * debug_settings} as {@code SqliteSchema} describes.
 *
 * <p><b>Durability.</b> The file runs in WAL journal mode with {@code synchronous=NORMAL}. When a
 * method returns, its transaction is in the write-ahead log in the operating system's page cache:
 * it survives the process being killed (SIGKILL, a crash of the JVM). Only a power loss or an
 * operating-system crash may lose the last transactions before a checkpoint syncs the log; the file
 * stays consistent either way. Buying that too would cost an fsync per call ({@code
 * synchronous=FULL}), which the lease rate the registry needs cannot afford.
 *
 * <p><b>Sharing.</b> Several store instances, in this process or others, may open the same file:
 * readers never block, writers take turns and wait up to ten seconds for the write lock (then the
 * call fails with a {@link StoreException}). The one-active-lease-per-port rule is a unique index,
 * so it holds across all of them.
 *
 * <p><b>Threads.</b> Any thread may call any method. Each instance has one connection and its
 * prepared statements, used under one lock: calls are short (tens of microseconds), and SQLite
 * serialises writers anyway, so a pool would only add contention on the file lock.
 */
public final class SqliteRegistryStore implements RegistryStore {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteRegistryStore.class);

  /** How long a call waits for another connection's write to finish before failing. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  private final Path file;
  private final ReentrantLock lock = new ReentrantLock();
  // The fields below are guarded by lock.
  private final Connection connection;
  private final StatementCache statements;
  private boolean closed;

  private SqliteRegistryStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
    this.statements = new StatementCache(connection);
  }

  /**
   * Opens the store in {@code file}, creating the file, its parent directories and the schema when
   * missing, and bringing an older schema up to date. Opening an existing store changes nothing.
   *
   * @throws StoreException naming the file when it cannot be created or opened, is not a SQLite
   *     database or not a registry store, or has a schema newer than this build understands
   */
  public static SqliteRegistryStore open(Path file) {
    Path path = file.toAbsolutePath();
    createParentDirectories(path);
    Connection connection = connect(path);
    try {
      checkJournalMode(connection, path);
      int before = SqliteSchema.migrate(connection, path);
      LOG.debug(
          "Opened registry store {} (schema version {}, was {})",
          path,
          SqliteSchema.VERSION,
          before);
      return new SqliteRegistryStore(path, connection);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection, e);
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException("Cannot open registry store " + path + ": " + e.getMessage(), e);
    }
  }

  /** The file this store keeps its data in. */
  public Path file() {
    return file;
  }

  @Override
  public boolean tryInsertLease(Lease lease) {
    if (lease.status() != LeaseStatus.ACTIVE) {
      throw new IllegalArgumentException(
          "only an active lease can be inserted (lease "
              + lease.leaseId()
              + " is "
              + lease.status().wire()
              + ")");
    }
    return locked(
        "insert lease " + lease.leaseId(),
        () -> {
          PreparedStatement ps = statements.get(LeaseRows.INSERT);
          LeaseRows.bindInsert(ps, lease);
          try {
            ps.executeUpdate();
            return true;
          } catch (SQLiteException e) {
            // Both constraints say "UNIQUE constraint failed"; the extended result code tells the
            // key from the partial (host, port) index, the table's only other unique index. When
            // both clash, SQLite reports one of them, so a port clash still checks the id.
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                && !exists(statements.get(LeaseRows.EXISTS), lease.leaseId())) {
              return false;
            }
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                || e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
              throw new StoreException(
                  "Lease id " + lease.leaseId() + " already exists in " + file, e);
            }
            throw e;
          }
        });
  }

  /**
   * {@inheritDoc}
   *
   * @throws StoreException also when the update would make a second active lease on one port
   */
  @Override
  public boolean updateLease(Lease lease) {
    return locked(
        "update lease " + lease.leaseId(),
        () -> {
          PreparedStatement ps = statements.get(LeaseRows.UPDATE);
          LeaseRows.bindUpdate(ps, lease);
          try {
            return ps.executeUpdate() > 0;
          } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
              throw new StoreException(
                  "Cannot update lease "
                      + lease.leaseId()
                      + " in "
                      + file
                      + ": another active lease holds "
                      + lease.host()
                      + ":"
                      + lease.port(),
                  e);
            }
            throw e;
          }
        });
  }

  @Override
  public Optional<Lease> findLease(String leaseId) {
    return locked(
        "find lease " + leaseId,
        () -> findOne(statements.get(LeaseRows.FIND), leaseId, LeaseRows::read));
  }

  @Override
  public List<Lease> activeLeases() {
    return locked(
        "list active leases", () -> readAll(statements.get(LeaseRows.ACTIVE), LeaseRows::read));
  }

  @Override
  public List<Lease> activeLeasesExpiredBy(Instant now) {
    long micros = Micros.of(now);
    return locked(
        "list expired leases",
        () -> {
          PreparedStatement ps = statements.get(LeaseRows.ACTIVE_EXPIRED_BY);
          ps.setLong(1, micros);
          return readAll(ps, LeaseRows::read);
        });
  }

  @Override
  public boolean isPortLeased(String host, int port) {
    return locked(
        "check port " + host + ":" + port,
        () -> {
          PreparedStatement ps = statements.get(LeaseRows.IS_PORT_LEASED);
          ps.setString(1, host);
          ps.setInt(2, port);
          try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
          }
        });
  }

  @Override
  public void putNode(NodeRecord node) {
    locked(
        "put node " + node.nodeId(),
        () -> {
          PreparedStatement ps = statements.get(NodeRows.PUT);
          NodeRows.bindPut(ps, node);
          return ps.executeUpdate();
        });
  }

  @Override
  public void touchNodes(Map<String, Instant> lastSeenByNode) {
    if (lastSeenByNode.isEmpty()) {
      return;
    }
    locked(
        "touch " + lastSeenByNode.size() + " nodes",
        () ->
            Transactions.inTransaction(
                connection,
                () -> {
                  PreparedStatement ps = statements.get(NodeRows.TOUCH);
                  for (Map.Entry<String, Instant> e : lastSeenByNode.entrySet()) {
                    ps.setLong(1, Micros.of(e.getValue()));
                    ps.setString(2, e.getKey());
                    ps.addBatch();
                  }
                  return ps.executeBatch();
                }));
  }

  @Override
  public Optional<NodeRecord> findNode(String nodeId) {
    return locked(
        "find node " + nodeId,
        () -> findOne(statements.get(NodeRows.FIND), nodeId, NodeRows::read));
  }

  @Override
  public List<NodeRecord> nodes() {
    return locked("list nodes", () -> readAll(statements.get(NodeRows.ALL), NodeRows::read));
  }

  @Override
  public boolean removeNode(String nodeId) {
    return locked("remove node " + nodeId, () -> delete(statements.get(NodeRows.REMOVE), nodeId));
  }

  @Override
  public void putBus(BusRecord bus) {
    locked(
        "put bus " + bus.name(),
        () -> {
          PreparedStatement ps = statements.get(BusRows.PUT);
          BusRows.bindPut(ps, bus);
          return ps.executeUpdate();
        });
  }

  @Override
  public Optional<BusRecord> findBus(String name) {
    return locked(
        "find bus " + name, () -> findOne(statements.get(BusRows.FIND), name, BusRows::read));
  }

  @Override
  public List<BusRecord> buses() {
    return locked("list buses", () -> readAll(statements.get(BusRows.ALL), BusRows::read));
  }

  @Override
  public boolean removeBus(String name) {
    return locked("remove bus " + name, () -> delete(statements.get(BusRows.REMOVE), name));
  }

  @Override
  public SchemaWrite registerSchema(RegisteredSchema candidate) {
    return locked(
        "register schema " + candidate.bus() + " " + candidate.topic(),
        () ->
            Transactions.inTransaction(
                connection,
                () -> {
                  PreparedStatement latest = statements.get(SchemaRows.LATEST);
                  SchemaRows.bindKey(latest, candidate.bus(), candidate.topic());
                  Optional<StoredSchema> newest = readOne(latest, SchemaRows::read);
                  if (newest.isPresent()
                      && !newest.get().deleted()
                      && newest.get().schema().hash().equals(candidate.hash())
                      && newest.get().schema().appliesTo() == candidate.appliesTo()) {
                    return new SchemaWrite(newest.get().schema(), false, revision(candidate.bus()));
                  }
                  RegisteredSchema stored =
                      new RegisteredSchema(
                          candidate.bus(),
                          candidate.topic(),
                          newest.map(n -> n.schema().version() + 1).orElse(1),
                          candidate.hash(),
                          candidate.appliesTo(),
                          candidate.schema(),
                          candidate.registeredAt(),
                          candidate.registeredBy());
                  PreparedStatement insert = statements.get(SchemaRows.INSERT);
                  SchemaRows.bindInsert(insert, stored);
                  insert.executeUpdate();
                  return new SchemaWrite(stored, true, bumpRevision(stored.bus()));
                }));
  }

  @Override
  public Optional<StoredSchema> findSchema(String bus, String topic, int version) {
    return locked(
        "find schema " + bus + " " + topic + " v" + version,
        () -> {
          PreparedStatement ps =
              statements.get(version == 0 ? SchemaRows.LATEST : SchemaRows.VERSION);
          SchemaRows.bindKey(ps, bus, topic);
          if (version != 0) {
            ps.setInt(3, version);
          }
          return readOne(ps, SchemaRows::read);
        });
  }

  @Override
  public List<StoredSchema> schemaHistory(String bus, String topic) {
    return locked(
        "list schema history " + bus + " " + topic,
        () -> {
          PreparedStatement ps = statements.get(SchemaRows.HISTORY);
          SchemaRows.bindKey(ps, bus, topic);
          return readAll(ps, SchemaRows::read);
        });
  }

  @Override
  public List<RegisteredSchema> currentSchemas() {
    return locked(
        "list current schemas",
        () -> readAll(statements.get(SchemaRows.CURRENT), rs -> SchemaRows.read(rs).schema()));
  }

  @Override
  public Optional<SchemaDeletion> deleteSchema(String bus, String topic, Instant at) {
    return locked(
        "delete schema " + bus + " " + topic,
        () ->
            Transactions.inTransaction(
                connection,
                () -> {
                  PreparedStatement latest = statements.get(SchemaRows.LATEST);
                  SchemaRows.bindKey(latest, bus, topic);
                  Optional<StoredSchema> newest = readOne(latest, SchemaRows::read);
                  if (newest.isEmpty() || newest.get().deleted()) {
                    return Optional.<SchemaDeletion>empty();
                  }
                  PreparedStatement mark = statements.get(SchemaRows.MARK_DELETED);
                  SchemaRows.bindMarkDeleted(mark, at, bus, topic);
                  int marked = mark.executeUpdate();
                  return Optional.of(
                      new SchemaDeletion(newest.get().schema(), marked, bumpRevision(bus)));
                }));
  }

  @Override
  public Map<String, Long> schemaRevisions() {
    return locked(
        "list schema revisions",
        () -> {
          Map<String, Long> out = new LinkedHashMap<>();
          try (ResultSet rs = statements.get(SchemaRows.REVISIONS).executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getLong(2));
            }
          }
          return out;
        });
  }

  // Inside a transaction, under the lock.
  private long bumpRevision(String bus) throws SQLException {
    PreparedStatement ps = statements.get(SchemaRows.BUMP_REVISION);
    ps.setString(1, bus);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("the schema revision upsert returned no row");
      }
      return rs.getLong(1);
    }
  }

  // Under the lock.
  private long revision(String bus) throws SQLException {
    PreparedStatement ps = statements.get(SchemaRows.REVISION);
    ps.setString(1, bus);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  @Override
  public void putDebugSettings(String bus, String settingsJson, Instant at) {
    locked(
        "put debug settings of " + bus,
        () -> {
          PreparedStatement ps = statements.get(DEBUG_PUT);
          ps.setString(1, bus);
          ps.setString(2, settingsJson);
          ps.setLong(3, Micros.of(at));
          return ps.executeUpdate();
        });
  }

  @Override
  public boolean removeDebugSettings(String bus) {
    return locked(
        "remove debug settings of " + bus, () -> delete(statements.get(DEBUG_REMOVE), bus));
  }

  @Override
  public Map<String, String> debugSettings() {
    return locked(
        "list debug settings",
        () -> {
          Map<String, String> out = new java.util.TreeMap<>();
          try (ResultSet rs = statements.get(DEBUG_ALL).executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getString(2));
            }
          }
          return out;
        });
  }

  private static final String DEBUG_PUT =
      "INSERT OR REPLACE INTO debug_settings (bus, settings, updated_at) VALUES (?, ?, ?)";
  private static final String DEBUG_REMOVE = "DELETE FROM debug_settings WHERE bus = ?";
  private static final String DEBUG_ALL = "SELECT bus, settings FROM debug_settings ORDER BY bus";

  /** Closes the connection; idempotent. Later calls fail with a {@link StoreException}. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      try {
        statements.close();
      } finally {
        connection.close();
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot close registry store " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "SqliteRegistryStore[" + file + "]";
  }

  /** A row mapper that may fail on the result set. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> T locked(String what, SqlWork<T> work) {
    lock.lock();
    try {
      if (closed) {
        throw new StoreException("Registry store " + file + " is closed (" + what + ")");
      }
      return work.run();
    } catch (SQLException e) {
      throw new StoreException(
          "Registry store " + file + ": cannot " + what + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  private static <T> Optional<T> findOne(PreparedStatement ps, String key, RowReader<T> reader)
      throws SQLException {
    ps.setString(1, key);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
    }
  }

  private static <T> Optional<T> readOne(PreparedStatement ps, RowReader<T> reader)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
    }
  }

  private static <T> List<T> readAll(PreparedStatement ps, RowReader<T> reader)
      throws SQLException {
    List<T> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(reader.read(rs));
      }
    }
    return out;
  }

  private static boolean exists(PreparedStatement ps, String key) throws SQLException {
    ps.setString(1, key);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next();
    }
  }

  private static boolean delete(PreparedStatement ps, String key) throws SQLException {
    ps.setString(1, key);
    return ps.executeUpdate() > 0;
  }

  private static void createParentDirectories(Path file) {
    Path parent = file.getParent();
    if (parent == null) {
      return;
    }
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new StoreException(
          "Cannot create the directory " + parent + " for registry store " + file + ": " + e, e);
    }
  }

  private static Connection connect(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    try {
      // sqlite-jdbc applies the pragmas while connecting, so a file that is not a SQLite
      // database ("file is not a database") already fails here.
      return config.createConnection("jdbc:sqlite:" + file);
    } catch (SQLException e) {
      throw new StoreException("Cannot open registry store " + file + ": " + e.getMessage(), e);
    }
  }

  // Some file systems (network mounts) cannot hold a WAL; SQLite then keeps its rollback journal,
  // which is as safe against a process crash but slower and blocks readers during writes.
  private static void checkJournalMode(Connection connection, Path file) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
      String mode = rs.next() ? rs.getString(1) : "unknown";
      if (!"wal".equals(mode.toLowerCase(Locale.ROOT))) {
        LOG.warn("Registry store {} runs in journal mode {}, not WAL", file, mode);
      }
    }
  }

  private static void closeQuietly(Connection connection, Exception failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
