package io.onex.bus.bench.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * C clients, each a thread of its own ({@code bench-registry-<mode>-<i>}) owning one {@link
 * RegistryDriver} for the pool's whole life, and a start gate so that every run's clock starts when
 * all clients are ready. The harness thread calls {@link #run} and {@link #close}.
 */
final class ClientPool implements AutoCloseable {
  /** Makes client {@code i}'s driver, on that client's thread. */
  interface DriverFactory {
    RegistryDriver open(int client);
  }

  private final List<ExecutorService> threads = new ArrayList<>();
  private final List<RegistryDriver> drivers = new ArrayList<>();

  ClientPool(int clients, String mode, DriverFactory factory) throws Exception {
    try {
      for (int i = 0; i < clients; i++) {
        String name = "bench-registry-" + mode + "-" + i;
        ExecutorService t = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
        threads.add(t);
        int client = i;
        drivers.add(get(t.submit(() -> factory.open(client))));
      }
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  /**
   * One run: client {@code i} drives {@code scripts.apply(i)} to its end. The time runs from the
   * opening of the start gate to the last client's last answer.
   */
  RunResult run(IntFunction<ClientScript> scripts) throws Exception {
    CountDownLatch ready = new CountDownLatch(threads.size());
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<ClientTally>> futures = new ArrayList<>();
    for (int i = 0; i < threads.size(); i++) {
      RegistryDriver driver = drivers.get(i);
      ClientScript script = scripts.apply(i);
      futures.add(
          threads
              .get(i)
              .submit(
                  () -> {
                    ClientTally t = new ClientTally();
                    ready.countDown();
                    gate.await();
                    driver.run(script, t);
                    t.endNanos = System.nanoTime();
                    return t;
                  }));
    }
    ready.await();
    long start = System.nanoTime();
    gate.countDown();
    long end = start;
    long sent = 0;
    long ok = 0;
    long errors = 0;
    Histogram latency = ClientTally.newHistogram();
    for (Future<ClientTally> f : futures) {
      ClientTally t = get(f);
      end = Math.max(end, t.endNanos);
      sent += t.sent;
      ok += t.ok;
      errors += t.errors;
      latency.add(t.latency);
    }
    return new RunResult(end - start, sent, ok, errors, latency);
  }

  private static <T> T get(Future<T> f) throws Exception {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Closes every driver on its own thread and stops the threads. */
  @Override
  public void close() {
    for (int i = 0; i < threads.size(); i++) {
      ExecutorService t = threads.get(i);
      if (i < drivers.size()) {
        RegistryDriver d = drivers.get(i);
        t.submit(d::close);
      }
      t.shutdown();
    }
    for (ExecutorService t : threads) {
      try {
        t.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
