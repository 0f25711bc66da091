package io.onex.bus.registry.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.onex.bus.config.PortSpec;
import io.onex.bus.config.RegistryConfig;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.event.BusEventType;
import io.onex.bus.registry.RegistryException;
import io.onex.bus.registry.ports.LocalPortPicker;
import io.onex.bus.registry.ports.NoFreePortException;
import io.onex.bus.registry.ports.PortPicker;
import io.onex.bus.registry.store.SqliteRegistryStore;
import io.onex.bus.registry.testkit.MutableClock;
import io.onex.bus.registry.testkit.RecordedEvents;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lease lifecycle against a real SQLite store, with a clock the test moves and a sleeper that
 * records the backoff instead of waiting: grant, renew, expire, reap, release, conflict, backoff.
 */
class LeaseManagerTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  private static final RegistryConfig.RetryPolicy RETRY =
      new RegistryConfig.RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(25));

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private final RecordedEvents events = new RecordedEvents(clock);
  private final List<Duration> waits = new ArrayList<>();
  private SqliteRegistryStore store;

  @BeforeEach
  void open() {
    store = SqliteRegistryStore.open(dir.resolve("registry.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private RegistryConfig config(Map<String, PortSpec.Range> ranges) {
    return new RegistryConfig(
        "127.0.0.1",
        0,
        null,
        new RegistryConfig.Lifetimes(
            Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(1)),
        RegistryConfig.DEFAULT.node(),
        RETRY,
        ranges);
  }

  private LeaseManager manager(PortPicker picker, Map<String, PortSpec.Range> ranges) {
    return new LeaseManager(store, picker, config(ranges), clock, waits::add, events.events());
  }

  private LeaseManager manager() {
    return manager(new LocalPortPicker(7), Map.of());
  }

  private static LeaseRequest request(String requester, int preferred, String purpose) {
    return new LeaseRequest(requester, "node-a", "tcp", preferred, null, null, purpose, null);
  }

  @Test
  void grantGivesAnActiveLeaseOnABindablePortAndSaysSo() throws Exception {
    Lease l = manager().grant(request("svc-1", 0, "telemetry"));

    assertThat(l.status()).isEqualTo(LeaseStatus.ACTIVE);
    assertThat(l.host()).isEqualTo("127.0.0.1");
    assertThat(l.allocatedBy()).isEqualTo(new AllocatedBy("node-a", "svc-1"));
    assertThat(l.portAllocationTs()).isEqualTo(T0);
    assertThat(l.expiresAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(store.findLease(l.leaseId())).contains(l);
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress("127.0.0.1", l.port()));
    }
    assertThat(events.of(BusEventType.LEASE_GRANTED)).hasSize(1);
    assertThat(events.of(BusEventType.LEASE_GRANTED).get(0).fields())
        .containsEntry("port", l.port())
        .containsEntry("lease_id", l.leaseId());
  }

  @Test
  void renewalPushesExpiryOutByTheTtlFromNow() throws Exception {
    LeaseManager m = manager();
    Lease l = m.grant(request("svc-1", 0, ""));
    clock.advance(Duration.ofSeconds(20));

    Lease r = m.renew(l.leaseId(), null);

    assertThat(r.lastHeartbeatTs()).isEqualTo(T0.plusSeconds(20));
    assertThat(r.expiresAt()).isEqualTo(T0.plusSeconds(50));
    assertThat(r.portAllocationTs()).isEqualTo(T0);
    assertThat(store.findLease(l.leaseId()).orElseThrow().expiresAt()).isEqualTo(r.expiresAt());
  }

  @Test
  void renewalWithATtlKeepsThatTtl() throws Exception {
    LeaseManager m = manager();
    Lease l = m.grant(request("svc-1", 0, ""));

    Lease r = m.renew(l.leaseId(), Duration.ofSeconds(90));

    assertThat(r.ttl()).isEqualTo(Duration.ofSeconds(90));
    assertThat(r.expiresAt()).isEqualTo(T0.plusSeconds(90));
  }

  @Test
  void theReaperExpiresOnlyLeasesWhoseTimeRanOutAndFreesTheirPorts() throws Exception {
    LeaseManager m = manager();
    Lease stale = m.grant(request("svc-1", 0, ""));
    clock.advance(Duration.ofSeconds(20));
    Lease fresh = m.grant(request("svc-2", 0, ""));
    clock.advance(Duration.ofSeconds(10));

    assertThat(m.reap()).extracting(Lease::leaseId).containsExactly(stale.leaseId());

    assertThat(store.findLease(stale.leaseId()).orElseThrow().status())
        .isEqualTo(LeaseStatus.EXPIRED);
    assertThat(store.isPortLeased("127.0.0.1", stale.port())).isFalse();
    assertThat(m.active()).extracting(Lease::leaseId).containsExactly(fresh.leaseId());
    assertThat(events.of(BusEventType.LEASE_EXPIRED)).hasSize(1);
    assertThat(m.reap()).isEmpty();
  }

  @Test
  void anExpiredLeaseCannotBeRenewedOrReleased() throws Exception {
    LeaseManager m = manager();
    Lease l = m.grant(request("svc-1", 0, ""));
    clock.advance(Duration.ofSeconds(31));
    m.reap();

    RegistryException renew =
        catchThrowableOfType(RegistryException.class, () -> m.renew(l.leaseId(), null));
    RegistryException release =
        catchThrowableOfType(RegistryException.class, () -> m.release(l.leaseId(), false));

    assertThat(renew.code()).isEqualTo(ErrorCode.LEASE_NOT_ACTIVE);
    assertThat(renew.getMessage()).contains("expired");
    assertThat(release.code()).isEqualTo(ErrorCode.LEASE_NOT_ACTIVE);
  }

  @Test
  void releaseFreesThePortOnceAndUnknownLeasesAreNamed() throws Exception {
    LeaseManager m = manager();
    Lease l = m.grant(request("svc-1", 0, ""));

    Lease r = m.release(l.leaseId(), false);

    assertThat(r.status()).isEqualTo(LeaseStatus.RELEASED);
    assertThat(store.isPortLeased("127.0.0.1", l.port())).isFalse();
    assertThat(events.of(BusEventType.LEASE_RELEASED)).hasSize(1);
    assertThat(
            catchThrowableOfType(RegistryException.class, () -> m.release(l.leaseId(), false))
                .code())
        .isEqualTo(ErrorCode.LEASE_NOT_ACTIVE);
    RegistryException unknown =
        catchThrowableOfType(RegistryException.class, () -> m.renew("lease-nope", null));
    assertThat(unknown.code()).isEqualTo(ErrorCode.UNKNOWN_LEASE);
    assertThat(unknown.offending()).isEqualTo("lease-nope");
  }

  @Test
  void aReportedBindFailureIsAConflictAndThePortIsNotPickedAgainAtOnce() throws Exception {
    LeaseManager m = manager();
    Lease l = m.grant(request("svc-1", 0, ""));

    m.release(l.leaseId(), true);

    assertThat(events.of(BusEventType.LEASE_CONFLICT)).hasSize(1);
    assertThat(events.of(BusEventType.LEASE_CONFLICT).get(0).fields())
        .containsEntry("port", l.port());
  }

  @Test
  void aLostRaceIsRetriedWithDoublingBackoffAndReported() throws Exception {
    // Nothing binds these two ports here: the scripted picker offers them and only the store
    // decides, so any two numbers do.
    int taken = 47_001;
    int free = 47_002;
    // Another registry on the same store holds `taken`; our picker still offers it three times,
    // as a picker would that checked just before the other registry's insert.
    anotherRegistryHolds(taken);
    LeaseManager m = manager(new ScriptedPicker(taken, taken, taken, free), Map.of());

    Lease l = m.grant(request("svc-1", 0, ""));

    assertThat(l.port()).isEqualTo(free);
    assertThat(waits)
        .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(25));
    assertThat(events.of(BusEventType.LEASE_CONFLICT)).hasSize(3);
    assertThat(events.of(BusEventType.EVENT_RETRY))
        .extracting(e -> e.fields().get("attempt"))
        .containsExactly(2, 3, 4);
  }

  @Test
  void theRetryLimitEndsTheAttemptsWithAClearError() throws Exception {
    int taken = 47_001;
    anotherRegistryHolds(taken);
    LeaseManager m = manager(new ScriptedPicker(taken, taken, taken, taken, taken), Map.of());

    RegistryException e =
        catchThrowableOfType(RegistryException.class, () -> m.grant(request("svc-1", 0, "")));

    assertThat(e.code()).isEqualTo(ErrorCode.NO_FREE_PORT);
    assertThat(e.getMessage()).contains("4 times");
    assertThat(waits).hasSize(3);
    assertThat(events.of(BusEventType.EVENT_RETRY_LIMIT_EXCEEDED)).hasSize(1);
    assertThat(store.activeLeases()).hasSize(1);
  }

  @Test
  void aFreePreferredPortIsHonoured() throws Exception {
    // A port the project's own picker finds free, as a node would have been told.
    int port = new LocalPortPicker(9).pick(null, p -> false);

    Lease l = manager().grant(request("svc-1", port, ""));

    assertThat(l.port()).isEqualTo(port);
  }

  @Test
  void aPreferredPortAlreadyLeasedOrBoundIsRefused() throws Exception {
    LeaseManager m = manager();
    Lease first = m.grant(request("svc-1", 0, ""));

    RegistryException leased =
        catchThrowableOfType(
            RegistryException.class, () -> m.grant(request("svc-2", first.port(), "")));

    assertThat(leased.code()).isEqualTo(ErrorCode.PORT_IN_USE);
    assertThat(leased.getMessage()).contains("already leased");
    try (ServerSocket s = listening()) {
      RegistryException bound =
          catchThrowableOfType(
              RegistryException.class, () -> m.grant(request("svc-3", s.getLocalPort(), "")));
      assertThat(bound.code()).isEqualTo(ErrorCode.PORT_IN_USE);
      assertThat(bound.getMessage()).contains("outside the registry");
    }
  }

  @Test
  void aHolderThatAlreadyBoundItsPortCanLeaseItAgain() throws Exception {
    try (ServerSocket mine = listening()) {
      Lease l =
          manager()
              .grant(
                  new LeaseRequest(
                      "broker.user",
                      "broker.user",
                      "tcp",
                      mine.getLocalPort(),
                      null,
                      null,
                      "user",
                      null,
                      true));

      assertThat(l.port()).isEqualTo(mine.getLocalPort());
    }
  }

  @Test
  void rangePoliciesBoundWhereAPurposeMayLease() throws Exception {
    PortSpec.Range telemetry = new PortSpec.Range(42000, 42099);
    LeaseManager m = manager(new LocalPortPicker(3), Map.of("telemetry", telemetry));

    Lease l = m.grant(request("svc-1", 0, "telemetry"));
    RegistryException outside =
        catchThrowableOfType(
            RegistryException.class, () -> m.grant(request("svc-2", 43000, "telemetry")));
    RegistryException wider =
        catchThrowableOfType(
            RegistryException.class,
            () ->
                m.grant(
                    new LeaseRequest(
                        "svc-3",
                        "",
                        "tcp",
                        0,
                        null,
                        null,
                        "telemetry",
                        new PortSpec.Range(41000, 42050))));

    assertThat(telemetry.contains(l.port())).isTrue();
    assertThat(outside.code()).isEqualTo(ErrorCode.PORT_OUT_OF_RANGE);
    assertThat(outside.offending()).isEqualTo("43000");
    assertThat(wider.code()).isEqualTo(ErrorCode.PORT_OUT_OF_RANGE);
  }

  @Test
  void absurdTtlsAndUnknownProtocolsAreRefused() {
    LeaseManager m = manager();

    RegistryException tooLong =
        catchThrowableOfType(
            RegistryException.class,
            () ->
                m.grant(new LeaseRequest("svc", "", "tcp", 0, Duration.ofDays(2), null, "", null)));
    RegistryException zero =
        catchThrowableOfType(
            RegistryException.class,
            () -> m.grant(new LeaseRequest("svc", "", "tcp", 0, Duration.ZERO, null, "", null)));
    RegistryException sctp =
        catchThrowableOfType(
            RegistryException.class,
            () -> m.grant(new LeaseRequest("svc", "", "sctp", 0, null, null, "", null)));

    assertThat(tooLong.code()).isEqualTo(ErrorCode.INVALID_TTL);
    assertThat(zero.code()).isEqualTo(ErrorCode.INVALID_TTL);
    assertThat(sctp.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(store.activeLeases()).isEmpty();
  }

  @Test
  void releasingANodeReleasesExactlyItsLeases() throws Exception {
    LeaseManager m = manager();
    m.grant(new LeaseRequest("a1", "node-a", "tcp", 0, null, null, "", null));
    m.grant(new LeaseRequest("a2", "node-a", "tcp", 0, null, null, "", null));
    Lease b = m.grant(new LeaseRequest("b1", "node-b", "tcp", 0, null, null, "", null));

    assertThat(m.releaseAllOf("node-a")).hasSize(2);

    assertThat(m.active()).extracting(Lease::leaseId).containsExactly(b.leaseId());
  }

  /** Inserts an active lease on {@code port} as a second registry sharing the store would. */
  private void anotherRegistryHolds(int port) {
    store.tryInsertLease(
        new Lease(
            "lease-other",
            "127.0.0.1",
            port,
            "tcp",
            "",
            new AllocatedBy("x", "x"),
            Duration.ofSeconds(30),
            T0,
            T0,
            T0.plusSeconds(30),
            LeaseStatus.ACTIVE));
  }

  /** A TCP listener on a loopback port the kernel picks; held until closed. */
  private static ServerSocket listening() throws java.io.IOException {
    ServerSocket s = new ServerSocket();
    s.bind(new InetSocketAddress("127.0.0.1", 0));
    return s;
  }

  /** Offers the given ports in order, ignoring what is leased: a picker that lost a race. */
  private static final class ScriptedPicker implements PortPicker {
    private final Deque<Integer> ports = new ArrayDeque<>();

    ScriptedPicker(int... ports) {
      for (int p : ports) {
        this.ports.add(p);
      }
    }

    @Override
    public int pick(PortSpec.Range range, IntPredicate leased) throws NoFreePortException {
      if (ports.isEmpty()) {
        throw new NoFreePortException("script ran out");
      }
      return ports.removeFirst();
    }

    @Override
    public void giveBack(int port) {}
  }
}
