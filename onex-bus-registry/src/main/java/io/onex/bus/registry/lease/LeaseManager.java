package io.onex.bus.registry.lease;

import io.onex.bus.config.PortSpec;
import io.onex.bus.config.RegistryConfig;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.event.BusEventType;
import io.onex.bus.registry.RegistryException;
import io.onex.bus.registry.events.RegistryEvents;
import io.onex.bus.registry.ports.NoFreePortException;
import io.onex.bus.registry.ports.PortPicker;
import io.onex.bus.registry.ports.PortProbe;
import io.onex.bus.registry.store.RegistryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Grants, renews, releases and reaps port leases on this registry's host. The store's uniqueness of
 * active (host, port) is the conflict check; a lost race is retried with exponential backoff up to
 * the configured limit. Every change is in the store before the caller hears of it, so a registry
 * killed at any point never grants a port twice.
 *
 * <p>Mutating methods are called by one thread, the registry loop; reads go to the store and may
 * come from any thread.
 */
public final class LeaseManager {
  private static final int MAX_ID_LENGTH = 256;
  private final RegistryStore store;
  private final PortPicker picker;
  private final RegistryConfig config;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RegistryEvents events;
  private final String host;
  private long fallbacksSeen;

  /**
   * @param store where leases live
   * @param picker where ports come from
   * @param config TTLs, ranges and the retry policy
   * @param clock the time leases are stamped and reaped by
   * @param sleeper waits between retries
   * @param events where LEASE_* and retry events go
   */
  public LeaseManager(
      RegistryStore store,
      PortPicker picker,
      RegistryConfig config,
      Clock clock,
      Sleeper sleeper,
      RegistryEvents events) {
    this.store = store;
    this.picker = picker;
    this.config = config;
    this.clock = clock;
    this.sleeper = sleeper;
    this.events = events;
    this.host = config.host();
  }

  /** The host whose ports this manager leases. */
  public String host() {
    return host;
  }

  /**
   * Grants a lease: the preferred port when it is allowed and free, else a picked one.
   *
   * @throws RegistryException INVALID_REQUEST, INVALID_TTL, PORT_OUT_OF_RANGE, PORT_IN_USE or
   *     NO_FREE_PORT, with a message that says why
   */
  public Lease grant(LeaseRequest req) throws RegistryException {
    checkIdentity(req);
    Duration ttl = ttl(req.ttl());
    PortSpec.Range range = allowedRange(req);
    if (req.preferredPort() != 0) {
      return grantPreferred(req, ttl, range);
    }
    RegistryConfig.RetryPolicy retry = config.retry();
    for (int attempt = 1; ; attempt++) {
      int port;
      try {
        port = picker.pick(range, p -> store.isPortLeased(host, p));
        noteFallbacks(req);
      } catch (NoFreePortException e) {
        noteFallbacks(req);
        throw new RegistryException(
            ErrorCode.NO_FREE_PORT, e.getMessage(), range == null ? req.purpose() : range.text());
      }
      Lease lease = newLease(req, port, ttl);
      if (store.tryInsertLease(lease)) {
        granted(lease);
        return lease;
      }
      // Another registry on the same store took the port between our check and our insert.
      events.emit(
          BusEventType.LEASE_CONFLICT,
          "host",
          host,
          "port",
          port,
          "requester_id",
          req.requesterId(),
          "attempt",
          attempt);
      if (attempt >= retry.attempts()) {
        events.emit(
            BusEventType.EVENT_RETRY_LIMIT_EXCEEDED,
            "operation",
            "lease_request",
            "requester_id",
            req.requesterId(),
            "attempts",
            attempt);
        throw new RegistryException(
            ErrorCode.NO_FREE_PORT,
            "lost the race for a port " + attempt + " times; giving up",
            req.requesterId());
      }
      Duration wait = retry.backoffBefore(attempt + 1);
      events.emit(
          BusEventType.EVENT_RETRY,
          "operation",
          "lease_request",
          "requester_id",
          req.requesterId(),
          "attempt",
          attempt + 1,
          "backoff_ms",
          wait.toMillis());
      pause(wait);
    }
  }

  /**
   * Renews an active lease for another TTL (its own, or {@code ttl} when given).
   *
   * @throws RegistryException UNKNOWN_LEASE, LEASE_NOT_ACTIVE or INVALID_TTL
   */
  public Lease renew(String leaseId, Duration ttl) throws RegistryException {
    Lease current = active(leaseId);
    Lease base = current;
    if (ttl != null) {
      Duration t = ttl(ttl);
      base =
          new Lease(
              current.leaseId(),
              current.host(),
              current.port(),
              current.protocol(),
              current.purpose(),
              current.allocatedBy(),
              t,
              current.portAllocationTs(),
              current.lastHeartbeatTs(),
              current.expiresAt(),
              current.status());
    }
    Lease renewed = base.renewedAt(clock.instant());
    store.updateLease(renewed);
    return renewed;
  }

  /**
   * Releases an active lease and frees its port. With {@code bindFailed} the holder reports that it
   * could not bind the port (someone outside the registry holds it): LEASE_CONFLICT is emitted and
   * the port is not handed back to the picker.
   *
   * @throws RegistryException UNKNOWN_LEASE or LEASE_NOT_ACTIVE
   */
  public Lease release(String leaseId, boolean bindFailed) throws RegistryException {
    Lease released = active(leaseId).withStatus(LeaseStatus.RELEASED);
    store.updateLease(released);
    if (bindFailed) {
      events.emit(
          BusEventType.LEASE_CONFLICT,
          "host",
          host,
          "port",
          released.port(),
          "lease_id",
          leaseId,
          "reason",
          "the holder could not bind the port");
    } else {
      picker.giveBack(released.port());
    }
    events.emit(
        BusEventType.LEASE_RELEASED,
        "lease_id",
        leaseId,
        "port",
        released.port(),
        "purpose",
        released.purpose(),
        "node_id",
        released.allocatedBy().nodeId());
    return released;
  }

  /** Releases every active lease {@code nodeId} holds (the node expired or left). */
  public List<Lease> releaseAllOf(String nodeId) {
    List<Lease> out = new ArrayList<>();
    for (Lease l : store.activeLeases()) {
      if (l.allocatedBy().nodeId().equals(nodeId)) {
        try {
          out.add(release(l.leaseId(), false));
        } catch (RegistryException e) {
          // Released concurrently by another registry on the same store: nothing left to do.
        }
      }
    }
    return out;
  }

  /** Expires every active lease whose time ran out, frees the ports, and returns them. */
  public List<Lease> reap() {
    Instant now = clock.instant();
    List<Lease> expired = new ArrayList<>();
    for (Lease l : store.activeLeasesExpiredBy(now)) {
      Lease e = l.withStatus(LeaseStatus.EXPIRED);
      if (store.updateLease(e)) {
        picker.giveBack(e.port());
        expired.add(e);
        events.emit(
            BusEventType.LEASE_EXPIRED,
            "lease_id",
            e.leaseId(),
            "port",
            e.port(),
            "purpose",
            e.purpose(),
            "node_id",
            e.allocatedBy().nodeId(),
            "expired_at",
            e.expiresAt().toString());
      }
    }
    return expired;
  }

  /** The lease with that id, whatever its status. Any thread. */
  public Optional<Lease> find(String leaseId) {
    return store.findLease(leaseId);
  }

  /** Every active lease. Any thread. */
  public List<Lease> active() {
    return store.activeLeases();
  }

  private Lease grantPreferred(LeaseRequest req, Duration ttl, PortSpec.Range range)
      throws RegistryException {
    int port = req.preferredPort();
    String shown = Integer.toString(port);
    if (range != null && !range.contains(port)) {
      throw new RegistryException(
          ErrorCode.PORT_OUT_OF_RANGE,
          "preferred_port "
              + port
              + " lies outside the range "
              + range.text()
              + " allowed for purpose '"
              + req.purpose()
              + "'",
          shown);
    }
    if (store.isPortLeased(host, port)) {
      throw new RegistryException(
          ErrorCode.PORT_IN_USE,
          "preferred_port " + port + " on " + host + " is already leased",
          shown);
    }
    if (!req.alreadyBound() && !PortProbe.isFree(port)) {
      throw new RegistryException(
          ErrorCode.PORT_IN_USE,
          "preferred_port " + port + " on " + host + " is bound by a process outside the registry",
          shown);
    }
    Lease lease = newLease(req, port, ttl);
    if (!store.tryInsertLease(lease)) {
      events.emit(
          BusEventType.LEASE_CONFLICT,
          "host",
          host,
          "port",
          port,
          "requester_id",
          req.requesterId(),
          "attempt",
          1);
      throw new RegistryException(
          ErrorCode.PORT_IN_USE,
          "preferred_port " + port + " on " + host + " was leased by another registry just now",
          shown);
    }
    granted(lease);
    return lease;
  }

  /** A pick the port server could not serve is worth an event: operators should fix it. */
  private void noteFallbacks(LeaseRequest req) {
    long now = picker.fallbacks();
    if (now > fallbacksSeen) {
      fallbacksSeen = now;
      events.emit(
          BusEventType.PORTSERVER_FALLBACK,
          "requester_id",
          req.requesterId(),
          "fallbacks_total",
          now);
    }
  }

  private void granted(Lease lease) {
    events.emit(
        BusEventType.LEASE_GRANTED,
        "lease_id",
        lease.leaseId(),
        "host",
        lease.host(),
        "port",
        lease.port(),
        "protocol",
        lease.protocol(),
        "purpose",
        lease.purpose(),
        "node_id",
        lease.allocatedBy().nodeId(),
        "requester_id",
        lease.allocatedBy().requesterId(),
        "expires_at",
        lease.expiresAt().toString());
  }

  private Lease newLease(LeaseRequest req, int port, Duration ttl) {
    Instant now = clock.instant();
    return new Lease(
        "lease-" + UUID.randomUUID(),
        host,
        port,
        req.protocol(),
        req.purpose(),
        new AllocatedBy(req.nodeId(), req.requesterId()),
        ttl,
        now,
        now,
        now.plus(ttl),
        LeaseStatus.ACTIVE);
  }

  private Lease active(String leaseId) throws RegistryException {
    Lease l =
        store
            .findLease(leaseId)
            .orElseThrow(
                () ->
                    new RegistryException(
                        ErrorCode.UNKNOWN_LEASE, "no lease has this lease_id", leaseId));
    if (l.status() != LeaseStatus.ACTIVE) {
      throw new RegistryException(
          ErrorCode.LEASE_NOT_ACTIVE,
          "lease " + leaseId + " is " + l.status().wire() + "; request a new one",
          leaseId);
    }
    return l;
  }

  private Duration ttl(Duration asked) throws RegistryException {
    if (asked == null) {
      return config.lease().ttl();
    }
    if (asked.isZero() || asked.isNegative() || asked.compareTo(config.lease().maxTtl()) > 0) {
      throw new RegistryException(
          ErrorCode.INVALID_TTL,
          "ttl must be > 0 and at most " + config.lease().maxTtl().toSeconds() + " s",
          asked.toMillis() / 1000.0 + "");
    }
    return asked;
  }

  private PortSpec.Range allowedRange(LeaseRequest req) throws RegistryException {
    PortSpec.Range policy = config.rangeFor(req.purpose());
    PortSpec.Range own = req.range();
    if (policy == null) {
      return own;
    }
    if (own == null) {
      return policy;
    }
    if (own.from() < policy.from() || own.to() > policy.to()) {
      throw new RegistryException(
          ErrorCode.PORT_OUT_OF_RANGE,
          "range "
              + own.text()
              + " is not inside "
              + policy.text()
              + ", the range allowed for purpose '"
              + req.purpose()
              + "'",
          own.text());
    }
    return own;
  }

  private static void checkIdentity(LeaseRequest req) throws RegistryException {
    if (req.requesterId().isBlank() || req.requesterId().length() > MAX_ID_LENGTH) {
      throw new RegistryException(
          ErrorCode.INVALID_REQUEST,
          "requester_id must be a non-empty string of at most " + MAX_ID_LENGTH + " characters",
          req.requesterId());
    }
    if (!req.protocol().equals("tcp") && !req.protocol().equals("udp")) {
      throw new RegistryException(
          ErrorCode.INVALID_REQUEST, "protocol must be tcp or udp", req.protocol());
    }
  }

  private void pause(Duration d) throws RegistryException {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(ErrorCode.INTERNAL, "interrupted while backing off", "");
    }
  }
}
