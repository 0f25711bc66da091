package io.onex.bus.registry.store;

import static io.onex.bus.registry.store.StoreFixtures.T0;
import static io.onex.bus.registry.store.StoreFixtures.activeLease;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onex.bus.registry.lease.AllocatedBy;
import io.onex.bus.registry.lease.Lease;
import io.onex.bus.registry.lease.LeaseStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases in a real SQLite file: round trips, the one-active-lease-per-port rule, the queries. */
class SqliteRegistryStoreLeaseTest {
  @TempDir Path dir;
  private SqliteRegistryStore store;

  @BeforeEach
  void open() {
    store = SqliteRegistryStore.open(dir.resolve("registry.db"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void everyFieldOfALeaseComesBack() {
    Lease lease =
        new Lease(
            "lease-1",
            "host-a",
            40123,
            "udp",
            "telemetry",
            new AllocatedBy("node-7", "req-9"),
            Duration.ofMillis(12_345),
            T0,
            T0.plusNanos(2_000),
            T0.plusSeconds(12).plusNanos(346_000),
            LeaseStatus.ACTIVE);

    assertThat(store.tryInsertLease(lease)).isTrue();

    assertThat(store.findLease("lease-1")).contains(lease);
    assertThat(store.findLease("nope")).isEmpty();
  }

  @Test
  void anEmptyNodeIdComesBackEmpty() {
    Lease lease =
        new Lease(
            "anon",
            "h",
            1,
            "tcp",
            "p",
            new AllocatedBy("", "req"),
            Duration.ZERO,
            T0,
            T0,
            T0,
            LeaseStatus.ACTIVE);

    store.tryInsertLease(lease);

    assertThat(store.findLease("anon")).contains(lease);
  }

  @Test
  void updateReplacesEveryFieldAndKeepsEveryStatus() {
    Lease lease = activeLease("l1", "h", 5000);
    store.tryInsertLease(lease);

    Lease renewed = lease.renewedAt(T0.plusSeconds(10));
    assertThat(store.updateLease(renewed)).isTrue();
    assertThat(store.findLease("l1")).contains(renewed);

    for (LeaseStatus s : LeaseStatus.values()) {
      assertThat(store.updateLease(renewed.withStatus(s))).isTrue();
      assertThat(store.findLease("l1")).contains(renewed.withStatus(s));
    }
  }

  @Test
  void updatingAnUnknownLeaseChangesNothing() {
    assertThat(store.updateLease(activeLease("ghost", "h", 5000))).isFalse();
    assertThat(store.findLease("ghost")).isEmpty();
  }

  @Test
  void aSecondActiveLeaseOnTheSamePortIsRefused() {
    assertThat(store.tryInsertLease(activeLease("a", "host-1", 6000))).isTrue();

    assertThat(store.tryInsertLease(activeLease("b", "host-1", 6000))).isFalse();
    assertThat(store.findLease("b")).isEmpty();
    assertThat(store.tryInsertLease(activeLease("c", "host-2", 6000))).isTrue();
    assertThat(store.tryInsertLease(activeLease("d", "host-1", 6001))).isTrue();
  }

  @Test
  void aReleasedOrExpiredLeaseFreesItsPort() {
    Lease first = activeLease("first", "h", 7000);
    store.tryInsertLease(first);
    store.updateLease(first.withStatus(LeaseStatus.RELEASED));

    Lease second = activeLease("second", "h", 7000);
    assertThat(store.tryInsertLease(second)).isTrue();
    store.updateLease(second.withStatus(LeaseStatus.EXPIRED));

    assertThat(store.tryInsertLease(activeLease("third", "h", 7000))).isTrue();
    assertThat(store.findLease("first")).map(Lease::status).contains(LeaseStatus.RELEASED);
    assertThat(store.findLease("second")).map(Lease::status).contains(LeaseStatus.EXPIRED);
  }

  @Test
  void reactivatingALeaseWhosePortIsTakenFails() {
    Lease first = activeLease("first", "h", 7000);
    store.tryInsertLease(first);
    store.updateLease(first.withStatus(LeaseStatus.RELEASED));
    store.tryInsertLease(activeLease("second", "h", 7000));

    assertThatThrownBy(() -> store.updateLease(first))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("first")
        .hasMessageContaining("another active lease holds h:7000");
    assertThat(store.findLease("first")).map(Lease::status).contains(LeaseStatus.RELEASED);
  }

  @Test
  void aDuplicateLeaseIdIsAnError() {
    store.tryInsertLease(activeLease("same", "h", 8000));

    // On another port, so only the id clashes; and on the same port, where both clash.
    assertThatThrownBy(() -> store.tryInsertLease(activeLease("same", "h", 8001)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("same")
        .hasMessageContaining("already exists");
    assertThatThrownBy(() -> store.tryInsertLease(activeLease("same", "h", 8000)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("already exists");
    assertThat(store.isPortLeased("h", 8001)).isFalse();
  }

  @Test
  void aDuplicateIdOfAReleasedLeaseIsAnErrorToo() {
    Lease old = activeLease("reused", "h", 8000);
    store.tryInsertLease(old);
    store.updateLease(old.withStatus(LeaseStatus.RELEASED));

    assertThatThrownBy(() -> store.tryInsertLease(activeLease("reused", "h", 8000)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void onlyActiveLeasesCanBeInserted() {
    assertThatThrownBy(
            () -> store.tryInsertLease(activeLease("x", "h", 1).withStatus(LeaseStatus.RELEASED)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.findLease("x")).isEmpty();
  }

  @Test
  void theCachedInsertStatementWorksAfterAConflict() {
    store.tryInsertLease(activeLease("a", "h", 1));
    assertThat(store.tryInsertLease(activeLease("b", "h", 1))).isFalse();
    assertThatThrownBy(() -> store.tryInsertLease(activeLease("a", "h", 2)))
        .isInstanceOf(StoreException.class);

    assertThat(store.tryInsertLease(activeLease("c", "h", 3))).isTrue();
    assertThat(store.findLease("c")).isPresent();
  }

  @Test
  void isPortLeasedSeesOnlyActiveLeases() {
    Lease lease = activeLease("l", "h", 9000);
    store.tryInsertLease(lease);

    assertThat(store.isPortLeased("h", 9000)).isTrue();
    assertThat(store.isPortLeased("h", 9001)).isFalse();
    assertThat(store.isPortLeased("other", 9000)).isFalse();

    store.updateLease(lease.withStatus(LeaseStatus.RELEASED));
    assertThat(store.isPortLeased("h", 9000)).isFalse();
  }

  @Test
  void activeLeasesAreOrderedByHostThenPortAndLeaveOutTheRest() {
    store.tryInsertLease(activeLease("1", "host-b", 100));
    store.tryInsertLease(activeLease("2", "host-a", 300));
    store.tryInsertLease(activeLease("3", "host-a", 20));
    store.tryInsertLease(activeLease("4", "host-b", 5));
    Lease gone = activeLease("5", "host-a", 1);
    store.tryInsertLease(gone);
    store.updateLease(gone.withStatus(LeaseStatus.EXPIRED));

    assertThat(store.activeLeases()).extracting(Lease::leaseId).containsExactly("3", "2", "4", "1");
  }

  @Test
  void activeLeasesExpiredByAreThoseDueByNowOldestFirst() {
    Instant now = T0.plusSeconds(100);
    store.tryInsertLease(activeLease("late", "h", 1, now.minusSeconds(1)));
    store.tryInsertLease(activeLease("exactly-now", "h", 2, now));
    store.tryInsertLease(activeLease("oldest", "h", 3, now.minusSeconds(50)));
    store.tryInsertLease(activeLease("future", "h", 4, now.plusNanos(1_000)));
    Lease released = activeLease("released", "h", 5, now.minusSeconds(90));
    store.tryInsertLease(released);
    store.updateLease(released.withStatus(LeaseStatus.RELEASED));
    Lease expired = activeLease("expired", "h", 6, now.minusSeconds(80));
    store.tryInsertLease(expired);
    store.updateLease(expired.withStatus(LeaseStatus.EXPIRED));

    assertThat(store.activeLeasesExpiredBy(now))
        .extracting(Lease::leaseId)
        .containsExactly("oldest", "late", "exactly-now");
    assertThat(store.activeLeasesExpiredBy(now.minusSeconds(51))).isEmpty();
  }
}
