package io.onex.bus.registry.node;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.registry.RegistryException;
import io.onex.bus.registry.store.RegistryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bus map: name to endpoint, lease, typed metadata and what its broker last reported. A bus is
 * registered by its broker's REGISTER and updated by the broker's heartbeats; it leaves when its
 * broker expires or deregisters. Brokers report every few seconds, so each report goes to the store
 * at once.
 *
 * <p>Mutating methods are called by the registry loop thread only; reads from any thread.
 */
public final class BusRegistry {
  private final RegistryStore store;
  private final ConcurrentHashMap<String, BusRecord> buses = new ConcurrentHashMap<>();

  /** Loads the stored buses. */
  public BusRegistry(RegistryStore store) {
    this.store = store;
    for (BusRecord b : store.buses()) {
      buses.put(b.name(), b);
    }
  }

  /** Registers (or re-registers) the bus a broker serves. */
  public BusRecord register(NodeRegistration.BusRegistration r, Instant now) {
    BusRecord known = buses.get(r.name());
    BusRecord b =
        new BusRecord(
            r.name(),
            r.endpoint(),
            r.leaseId(),
            r.metadata(),
            known == null ? 0 : known.subscriberCount(),
            known == null ? List.of() : known.connections(),
            known == null || !known.endpoint().equals(r.endpoint()) ? now : known.registeredAt(),
            now);
    store.putBus(b);
    buses.put(b.name(), b);
    return b;
  }

  /**
   * A broker's report: subscriber count and connected nodes.
   *
   * @throws RegistryException UNKNOWN_BUS when no broker registered that bus
   */
  public BusRecord report(
      String name, int subscriberCount, List<BusConnection> connections, Instant now)
      throws RegistryException {
    BusRecord known = buses.get(name);
    if (known == null) {
      throw new RegistryException(
          ErrorCode.UNKNOWN_BUS, "no broker registered this bus; send REGISTER with it", name);
    }
    BusRecord b =
        new BusRecord(
            name,
            known.endpoint(),
            known.leaseId(),
            known.metadata(),
            subscriberCount,
            connections,
            known.registeredAt(),
            now);
    store.putBus(b);
    buses.put(name, b);
    return b;
  }

  /** Removes the bus (its broker left); false when it was not registered. */
  public boolean remove(String name) {
    if (buses.remove(name) == null) {
      return false;
    }
    store.removeBus(name);
    return true;
  }

  /** The bus with that name. Any thread. */
  public Optional<BusRecord> find(String name) {
    return Optional.ofNullable(buses.get(name));
  }

  /** Every bus, ordered by name. Any thread. */
  public List<BusRecord> all() {
    List<BusRecord> out = new ArrayList<>(buses.values());
    out.sort(Comparator.comparing(BusRecord::name));
    return out;
  }
}
