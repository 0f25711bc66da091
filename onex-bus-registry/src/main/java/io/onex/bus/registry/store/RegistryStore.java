package io.onex.bus.registry.store;

import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.node.BusRecord;
import io.onex.bus.registry.node.NodeRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the registry keeps its truth so that a registry killed and restarted finds every lease,
 * node and bus again. Every method is one atomic step that is durable against a process crash when
 * it returns. The embedded implementation is {@link SqliteRegistryStore}; a PostgreSQL one can
 * follow so that several registries share one truth.
 *
 * <p>Implementations must be safe to call from several threads.
 */
public interface RegistryStore extends AutoCloseable {

  /**
   * Inserts {@code lease} (which must be active) unless another active lease already holds the same
   * host and port. This is the registry's conflict check: it must be atomic even when several
   * registries share the store.
   *
   * @return true when inserted, false when the port was already held
   * @throws StoreException when the store fails or the lease id exists
   */
  boolean tryInsertLease(Lease lease);

  /**
   * Replaces the stored lease with the same id (a renewal, release or expiry).
   *
   * @return false when no lease has that id
   */
  boolean updateLease(Lease lease);

  /** The lease with that id, whatever its status. */
  Optional<Lease> findLease(String leaseId);

  /** Every active lease, ordered by host then port. */
  List<Lease> activeLeases();

  /** Active leases whose {@code expires_at} is at or before {@code now}, oldest first. */
  List<Lease> activeLeasesExpiredBy(Instant now);

  /** Whether an active lease holds {@code port} on {@code host}. */
  boolean isPortLeased(String host, int port);

  /** Inserts or replaces the node with that id. */
  void putNode(NodeRecord node);

  /**
   * Records heartbeats: sets {@code last_seen} (and status online) of each node named, in one
   * transaction. Unknown ids are ignored.
   */
  void touchNodes(Map<String, Instant> lastSeenByNode);

  /** The node with that id. */
  Optional<NodeRecord> findNode(String nodeId);

  /** Every node, ordered by id. */
  List<NodeRecord> nodes();

  /**
   * Removes the node.
   *
   * @return false when there was none
   */
  boolean removeNode(String nodeId);

  /** Inserts or replaces the bus with that name. */
  void putBus(BusRecord bus);

  /** The bus with that name. */
  Optional<BusRecord> findBus(String name);

  /** Every bus, ordered by name. */
  List<BusRecord> buses();

  /**
   * Removes the bus.
   *
   * @return false when there was none
   */
  boolean removeBus(String name);

  /**
   * Inserts or replaces the debug settings of bus {@code bus} (a JSON document, see {@code
   * DebugSettings}).
   */
  void putDebugSettings(String bus, String settingsJson, Instant at);

  /**
   * Removes the debug settings of bus {@code bus}.
   *
   * @return false when there were none
   */
  boolean removeDebugSettings(String bus);

  /** Every bus's debug settings (JSON documents), by bus name. */
  Map<String, String> debugSettings();

  /** Closes the store; later calls fail. */
  @Override
  void close();
}
