package io.onex.bus.registry.store;

import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.node.BusRecord;
import io.onex.bus.registry.node.NodeRecord;
import io.onex.bus.registry.schema.SchemaDeletion;
import io.onex.bus.registry.schema.SchemaWrite;
import io.onex.bus.registry.schema.StoredSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the registry keeps its truth so that a registry killed and restarted finds every lease,
 * node, bus and schema again. Every method is one atomic step that is durable against a process
 * crash when it returns. The embedded implementation is {@link SqliteRegistryStore}; a PostgreSQL
 * one can follow so that several registries share one truth.
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
   * Registers a version of {@code candidate.bus()}'s schema for {@code candidate.topic()}, as one
   * transaction: when the current version has the same hash and {@code applies_to}, nothing is
   * written and that version comes back ({@code created} false); otherwise the candidate is stored
   * as the next version number after every version ever stored for that (bus, topic), deleted ones
   * included, and the bus's schema revision goes up by one. The candidate's own version is ignored.
   */
  SchemaWrite registerSchema(RegisteredSchema candidate);

  /**
   * Version {@code version} of the (bus, topic)'s schema, or its newest when {@code version} is 0.
   */
  Optional<StoredSchema> findSchema(String bus, String topic, int version);

  /** Every version of the (bus, topic)'s schema, oldest first; empty when it never had one. */
  List<StoredSchema> schemaHistory(String bus, String topic);

  /** The current (newest, not deleted) version of every (bus, topic), by bus then topic. */
  List<RegisteredSchema> currentSchemas();

  /**
   * Marks every not yet deleted version of the (bus, topic)'s schema deleted at {@code at} and
   * raises the bus's schema revision, as one transaction.
   *
   * @return empty, changing nothing, when the (bus, topic) has no current schema
   */
  Optional<SchemaDeletion> deleteSchema(String bus, String topic, Instant at);

  /** Each bus's schema revision, for the buses that ever had a schema registered, by bus. */
  Map<String, Long> schemaRevisions();

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
