package io.onex.bus.registry.store;

import static io.onex.bus.registry.store.StoreFixtures.activeLease;
import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.registry.lease.Lease;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-active-lease-per-port rule under contention, within one store and across two. */
class SqliteRegistryStoreConcurrencyTest {
  private static final int THREADS = 8;
  private static final int PORTS = 100;
  private static final int FIRST_PORT = 20_000;

  @TempDir Path dir;

  @Test
  void eightThreadsRacingForTheSamePortsWinEachPortOnce() throws Exception {
    try (SqliteRegistryStore store = SqliteRegistryStore.open(dir.resolve("registry.db"))) {
      int won = race(thread -> store);

      assertThat(won).isEqualTo(PORTS);
      assertOnePerPort(store.activeLeases());
    }
  }

  @Test
  void twoStoresOnOneFileRacingForTheSamePortsWinEachPortOnce() throws Exception {
    Path file = dir.resolve("shared.db");
    try (SqliteRegistryStore a = SqliteRegistryStore.open(file);
        SqliteRegistryStore b = SqliteRegistryStore.open(file)) {
      int won = race(thread -> thread % 2 == 0 ? a : b);

      assertThat(won).isEqualTo(PORTS);
      assertOnePerPort(a.activeLeases());
      assertThat(b.activeLeases()).isEqualTo(a.activeLeases());
    }
  }

  /** Every thread tries every port with its own lease ids; returns how many inserts succeeded. */
  private static int race(IntFunction<RegistryStore> storeOfThread) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        RegistryStore store = storeOfThread.apply(thread);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int won = 0;
                  for (int p = 0; p < PORTS; p++) {
                    if (store.tryInsertLease(
                        activeLease("t" + thread + "-p" + p, "host", FIRST_PORT + p))) {
                      won++;
                    }
                  }
                  return won;
                }));
      }
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertOnePerPort(List<Lease> active) {
    assertThat(active).hasSize(PORTS);
    assertThat(active.stream().map(Lease::port).distinct()).hasSize(PORTS);
    assertThat(active).allSatisfy(l -> assertThat(l.host()).isEqualTo("host"));
  }
}
