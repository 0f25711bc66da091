package io.onex.bus.bench.flow;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.onex.bus.bench.NatsServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The NATS side of the memory scenario: a {@code nats-server} of this harness alone ({@link
 * NatsServer#startPrivate}), {@code clients} jnats connections, one synchronous subscription per
 * subject. Memory is the server process's resident set ({@code VmRSS} of {@code
 * /proc/<pid>/status}, the figure its {@code /varz} reports as {@code mem}): Go offers no live-heap
 * reading from outside, and a Go server rarely returns memory, so growth is what shows. The count
 * is {@code /subsz}'s, less the server's own subscriptions at the start. Harness thread only.
 */
final class NatsMemory implements MemorySystem {
  private static final Pattern NUM_SUBSCRIPTIONS =
      Pattern.compile("\"num_subscriptions\":\\s*(\\d+)");
  private static final int SETTLE_ROUNDS = 20;
  private static final long SETTLED_BYTES = 64 * 1024;

  private final Path portsDir;
  private final NatsServer server;
  private final List<Connection> connections = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private final long ownSubscriptions;
  private int held;

  NatsMemory(int clients) throws Exception {
    portsDir = Files.createTempDirectory("onex-bench-nats");
    try {
      server = NatsServer.startPrivate(portsDir);
    } catch (IOException e) {
      deleteTree(portsDir);
      throw e;
    }
    try {
      for (int i = 0; i < clients; i++) {
        connections.add(
            Nats.connect(
                new Options.Builder()
                    .server(server.url())
                    .connectionName("bench-memory-" + i)
                    .build()));
      }
      ownSubscriptions = countedSubscriptions();
    } catch (Exception | Error e) {
      close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "nats";
  }

  @Override
  public String measure() {
    return "rss";
  }

  @Override
  public void subscribeUpTo(int total) throws Exception {
    for (int j = held; j < total; j++) {
      connections.get(j % connections.size()).subscribe(MemorySystem.pattern(j));
    }
    held = total;
    for (Connection c : connections) {
      c.flush(Duration.ofSeconds(10)); // the server has processed every SUB before the PONG
    }
  }

  @Override
  public long bytes() throws IOException {
    long previous = -1;
    long now = rss();
    for (int i = 0; i < SETTLE_ROUNDS && Math.abs(now - previous) >= SETTLED_BYTES; i++) {
      LockSupport.parkNanos(100_000_000);
      previous = now;
      now = rss();
    }
    return now;
  }

  private long rss() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmRSS for nats-server pid " + server.pid());
  }

  @Override
  public long serverSubscriptions() throws Exception {
    return countedSubscriptions() - ownSubscriptions;
  }

  private long countedSubscriptions() throws IOException, InterruptedException {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(server.monitoringUrl() + "/subsz")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = NUM_SUBSCRIPTIONS.matcher(body);
    if (!m.find()) {
      throw new IOException("nats-server /subsz has no num_subscriptions: " + body);
    }
    return Long.parseLong(m.group(1));
  }

  @Override
  public void close() throws IOException {
    for (Connection c : connections) {
      try {
        c.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    server.close();
    deleteTree(portsDir);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
