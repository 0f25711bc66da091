package io.onex.bus.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.cli.deploy.Deployment;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.BusConnectException;
import io.onex.bus.client.ClientMetrics;
import io.onex.bus.client.EventHandler;
import io.onex.bus.client.Gap;
import io.onex.bus.client.ReceivedEvent;
import io.onex.bus.client.SubscribeOptions;
import io.onex.bus.protocol.event.OnexEventJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code onex event-monitor}: the live view of one bus or all of them. It subscribes to the topic
 * pattern (default: every event, plus the bus's and the registry's system events), decodes each
 * event, prints it with its bus, sequence, type, correlation id and publisher (and payload on
 * request), and every few seconds a per-topic rate line. It never slows the bus: it takes events
 * through a bounded credit window and queue, and when it cannot keep up it prints the gaps the bus
 * reports instead. When a bus restarts, even on another port, it finds it again through the
 * registry and says so ({@link MonitoredBus}). Handlers run on each client's dispatcher thread; the
 * main thread watches the connections; output is synchronized.
 */
@Command(
    name = "event-monitor",
    description =
        "Stream and decode events, bus events and system events, with per-topic rates;"
            + " follows a bus that restarts.")
public final class EventMonitorCommand implements Callable<Integer> {
  @Option(names = "--bus", description = "the bus to watch (default: user)")
  String bus;

  @Option(names = "--all", description = "watch every bus the registry knows")
  boolean all;

  @Option(names = "--topic", description = "pattern (default: everything, system events too)")
  String topic;

  @Option(names = "--type", description = "only this event type (repeat for several)")
  List<String> types = new ArrayList<>();

  @Option(names = "--payload", description = "print each event's JSON payload")
  boolean payload;

  @Option(names = "--json", description = "one JSON object per line")
  boolean json;

  @Option(names = "--count", description = "stop after this many events")
  Long count;

  @Option(names = "--timeout", description = "stop after this long, e.g. 30s")
  String timeout;

  @Option(
      names = "--rate-every",
      description = "per-topic rate line interval (default 5s; 0 = off)")
  String rateEvery = "5s";

  @Mixin ConsumerOptions consumer = new ConsumerOptions();

  @Mixin MetricsOption metricsOption = new MetricsOption();

  @Mixin RegistryOptions where = new RegistryOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  // Short, since the main thread waits it out: a bus still starting is retried with back-off.
  private static final Duration RECONNECT_TIMEOUT = Duration.ofSeconds(2);

  private final Map<String, AtomicLong> perTopic = new TreeMap<>();

  @Override
  public Integer call() throws InterruptedException {
    if (all && bus != null) {
      throw new CliException(OnexCommand.EXIT_USAGE, "give --bus or --all, not both");
    }
    Duration limit = timeout == null ? null : Durations.parse("--timeout", timeout);
    Duration every =
        rateEvery.equals("0") ? Duration.ZERO : Durations.parse("--rate-every", rateEvery);
    Rate pace = consumer.pace();
    Map<String, String> endpoints = endpoints();
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch done = new CountDownLatch(1);
    AtomicLong seen = new AtomicLong();
    List<MonitoredBus> watched = new ArrayList<>();
    try (MetricsOption served = metricsOption) {
      ClientMetrics metrics = served.start(spec.commandLine().getErr());
      for (var e : endpoints.entrySet()) {
        String name = e.getKey();
        EventHandler handler = handler(name, out, pace, seen, done);
        BusClient c = connect(name, e.getValue(), handler, metrics, CONNECT_TIMEOUT);
        watched.add(
            new MonitoredBus(
                name,
                e.getValue(),
                c,
                this::locate,
                at -> connect(name, at, handler, metrics, RECONNECT_TIMEOUT),
                (change, b) -> printChange(out, change, b)));
      }
      long started = System.nanoTime();
      long nextRates = started + every.toNanos();
      while (true) {
        long now = System.nanoTime();
        if (limit != null && now - started >= limit.toNanos()) {
          break;
        }
        if (done.await(100, TimeUnit.MILLISECONDS)) {
          break;
        }
        watched.forEach(b -> b.check(System.nanoTime()));
        if (!every.isZero() && System.nanoTime() >= nextRates) {
          printRates(out, every);
          nextRates += every.toNanos();
        }
      }
    } finally {
      watched.forEach(MonitoredBus::close);
    }
    if (count != null && seen.get() < count) {
      spec.commandLine()
          .getErr()
          .printf("onex: timed out after %s with %d of %d events%n", timeout, seen.get(), count);
      return OnexCommand.EXIT_TIMEOUT;
    }
    return 0;
  }

  /** The pattern given, or everything: client events and system events ({@code >} skips $). */
  private List<String> patterns() {
    return topic != null ? List.of(topic) : List.of(">", "$onex.>");
  }

  private SubscribeOptions options(String pattern) {
    var b = SubscribeOptions.builder().pattern(pattern);
    types.forEach(b::eventType);
    consumer.applyTo(b);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new CliException(OnexCommand.EXIT_USAGE, e.getMessage());
    }
  }

  private Map<String, String> endpoints() {
    Map<String, String> out = new TreeMap<>();
    try (Deployment d = where.locate()) {
      if (all) {
        for (JsonNode b : d.list("buses")) {
          out.put(b.path("name").asText(), b.path("endpoint").asText());
        }
      } else {
        String name = bus == null ? "user" : bus;
        out.put(name, d.busEndpoint(name));
      }
    }
    if (out.isEmpty()) {
      throw new CliException(OnexCommand.EXIT_FAILURE, "the registry knows no bus");
    }
    return out;
  }

  /** The endpoint the registry now gives for bus {@code name}. */
  private String locate(String name) {
    try (Deployment d = where.locate()) {
      return d.busEndpoint(name);
    }
  }

  /**
   * A client connected to bus {@code name} at {@code endpoint} with every pattern subscribed and
   * confirmed; throws {@link CliException} otherwise (the client closed).
   */
  private BusClient connect(
      String name,
      String endpoint,
      EventHandler handler,
      ClientMetrics metrics,
      Duration connectTimeout) {
    BusClient c;
    try {
      c =
          BusClient.connect(
              BusClientOptions.builder()
                  .endpoint(endpoint)
                  .nodeId("onex-monitor-" + ProcessHandle.current().pid())
                  .connectTimeout(connectTimeout)
                  .metrics(metrics)
                  .build());
    } catch (BusConnectException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "cannot connect to bus " + name + ": " + e.getMessage());
    }
    try {
      for (String pattern : patterns()) {
        c.subscribe(options(pattern), handler).ready().get(10, TimeUnit.SECONDS);
      }
      return c;
    } catch (ExecutionException | TimeoutException e) {
      c.close();
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "bus " + name + " did not accept the subscription: " + e);
    } catch (InterruptedException e) {
      c.close();
      Thread.currentThread().interrupt();
      throw new CliException(OnexCommand.EXIT_FAILURE, "interrupted");
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** One line about a bus lost or found again: {@code # ...} text, or a JSON object. */
  private synchronized void printChange(
      PrintWriter out, MonitoredBus.Change change, MonitoredBus b) {
    if (json) {
      ObjectNode line = OnexEventJson.mapper().createObjectNode();
      ObjectNode what = line.putObject(change == MonitoredBus.Change.LOST ? "lost" : "reconnected");
      what.put("bus", b.name());
      what.put("endpoint", b.endpoint());
      out.println(line);
    } else if (change == MonitoredBus.Change.LOST) {
      out.printf("# lost bus %s at %s; looking it up again%n", b.name(), b.endpoint());
    } else {
      out.printf("# reconnected to %s at %s%n", b.name(), b.endpoint());
    }
    out.flush();
  }

  private EventHandler handler(
      String busName, PrintWriter out, Rate pace, AtomicLong seen, CountDownLatch done) {
    return new EventHandler() {
      @Override
      public void onEvent(ReceivedEvent e) {
        if (count != null && seen.get() >= count) {
          return;
        }
        pace.pace();
        count(e.topic());
        print(out, busName, e);
        if (count != null && seen.incrementAndGet() >= count) {
          done.countDown();
        }
      }

      @Override
      public void onGap(Gap g) {
        printGap(out, busName, g);
      }
    };
  }

  private synchronized void count(String t) {
    perTopic.computeIfAbsent(t, k -> new AtomicLong()).incrementAndGet();
  }

  private synchronized void print(PrintWriter out, String busName, ReceivedEvent e) {
    if (json) {
      ObjectNode line = OnexEventJson.mapper().createObjectNode();
      line.put("bus", busName);
      line.put("sequence", e.sequence());
      line.put("topic", e.topic());
      line.put("event_type", e.eventType());
      line.put("correlation_id", e.correlationId());
      line.put("publisher", e.publisherNodeId());
      if (payload) {
        line.set("event", parseOrText(new String(e.payload(), StandardCharsets.UTF_8)));
      }
      out.println(line);
    } else {
      out.printf(
          "[%s] #%d %s %s corr=%s from=%s%s%n",
          busName,
          e.sequence(),
          e.topic(),
          e.eventType(),
          e.correlationId() == null ? "-" : e.correlationId(),
          e.publisherNodeId(),
          payload ? " " + new String(e.payload(), StandardCharsets.UTF_8) : "");
    }
    out.flush();
  }

  private synchronized void printGap(PrintWriter out, String busName, Gap g) {
    if (json) {
      ObjectNode line = OnexEventJson.mapper().createObjectNode();
      ObjectNode gap = line.putObject("gap");
      gap.put("bus", busName);
      gap.put("lost", g.lost());
      gap.put("first_sequence", g.firstSequence());
      gap.put("last_sequence", g.lastSequence());
      out.println(line);
    } else {
      out.printf(
          "# [%s] monitor fell behind: lost %d events, sequences %d..%d%n",
          busName, g.lost(), g.firstSequence(), g.lastSequence());
    }
    out.flush();
  }

  /** One line: events per second per topic since the last line, busiest first. */
  private synchronized void printRates(PrintWriter out, Duration every) {
    if (perTopic.isEmpty()) {
      return;
    }
    double secs = every.toMillis() / 1000.0;
    List<Map.Entry<String, AtomicLong>> rows = new ArrayList<>(perTopic.entrySet());
    rows.sort((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()));
    if (json) {
      ObjectNode line = OnexEventJson.mapper().createObjectNode();
      ObjectNode rates = line.putObject("rates_per_s");
      rows.forEach(r -> rates.put(r.getKey(), r.getValue().get() / secs));
      out.println(line);
    } else {
      StringBuilder sb = new StringBuilder("# rates/s:");
      for (int i = 0; i < Math.min(10, rows.size()); i++) {
        var r = rows.get(i);
        sb.append(String.format(" %s=%.1f", r.getKey(), r.getValue().get() / secs));
      }
      out.println(sb);
    }
    perTopic.clear();
    out.flush();
  }

  private static JsonNode parseOrText(String text) {
    try {
      return OnexEventJson.mapper().readTree(text);
    } catch (java.io.IOException ex) {
      return OnexEventJson.mapper().getNodeFactory().textNode(text);
    }
  }
}
