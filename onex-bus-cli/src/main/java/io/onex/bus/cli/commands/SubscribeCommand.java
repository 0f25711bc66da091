package io.onex.bus.cli.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.EventHandler;
import io.onex.bus.client.Gap;
import io.onex.bus.client.ReceivedEvent;
import io.onex.bus.client.SubscribeOptions;
import io.onex.bus.client.Subscription;
import io.onex.bus.protocol.event.OnexEventJson;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * {@code onex subscribe}: prints events matching a pattern as they arrive, until {@code --count}
 * events came (exit 0) or {@code --timeout} passed (exit 3 if a count was asked and not reached).
 * The main thread waits; events are printed on the client's dispatcher thread.
 */
@Command(name = "subscribe", description = "Print events matching a topic pattern as they arrive.")
public final class SubscribeCommand implements java.util.concurrent.Callable<Integer> {
  @Mixin BusOptions busOptions;

  @Option(names = "--topic", required = true, description = "pattern: '*' one token, '>' the rest")
  String pattern;

  @Option(names = "--type", description = "only this event type (repeat for several)")
  List<String> types = new ArrayList<>();

  @Option(
      names = "--tag",
      description = "only events whose tags satisfy k=v, 'k in (a,b)' or 'k exists' (repeatable)")
  List<String> tags = new ArrayList<>();

  @Option(names = "--count", description = "stop after this many events")
  Long count;

  @Option(names = "--timeout", description = "stop after this long, e.g. 10s, 500ms, PT1M")
  String timeout;

  @Option(names = "--json", description = "one JSON object per event")
  boolean json;

  @Mixin ConsumerOptions consumer = new ConsumerOptions();

  @Mixin MetricsOption metricsOption = new MetricsOption();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Duration limit = timeout == null ? null : Durations.parse("--timeout", timeout);
    if (count != null && count < 1) {
      throw new CliException(OnexCommand.EXIT_USAGE, "--count must be >= 1, was " + count);
    }
    SubscribeOptions options = options();
    Rate pace = consumer.pace();
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch done = new CountDownLatch(1);
    AtomicLong seen = new AtomicLong();
    try (MetricsOption served = metricsOption;
        BusClient client = busOptions.connect(served.start(spec.commandLine().getErr()));
        Subscription sub =
            client.subscribe(
                options,
                new EventHandler() {
                  @Override
                  public void onEvent(ReceivedEvent e) {
                    if (count != null && seen.get() >= count) {
                      return;
                    }
                    pace.pace();
                    print(out, e);
                    if (count != null && seen.incrementAndGet() >= count) {
                      done.countDown();
                    }
                  }

                  @Override
                  public void onGap(Gap gap) {
                    printGap(out, gap);
                  }
                })) {
      awaitReady(sub);
      boolean finished =
          limit == null ? awaitForever(done) : done.await(limit.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished && count != null) {
        spec.commandLine()
            .getErr()
            .printf("onex: timed out after %s with %d of %d events%n", timeout, seen.get(), count);
        return OnexCommand.EXIT_TIMEOUT;
      }
    }
    return 0;
  }

  private SubscribeOptions options() {
    var b = SubscribeOptions.builder().pattern(pattern);
    types.forEach(b::eventType);
    tags.forEach(b::tag);
    consumer.applyTo(b);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new CliException(OnexCommand.EXIT_USAGE, e.getMessage());
    }
  }

  private static void awaitReady(Subscription sub) {
    try {
      sub.ready().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new CliException(
          OnexCommand.EXIT_USAGE, "subscription refused: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new CliException(OnexCommand.EXIT_TIMEOUT, "the bus did not confirm the subscription");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(OnexCommand.EXIT_FAILURE, "interrupted");
    }
  }

  private static boolean awaitForever(CountDownLatch done) throws InterruptedException {
    done.await();
    return true;
  }

  private void print(PrintWriter out, ReceivedEvent e) {
    String payload = new String(e.payload(), StandardCharsets.UTF_8);
    if (json) {
      ObjectNode line = OnexEventJson.mapper().createObjectNode();
      line.put("sequence", e.sequence());
      line.put("topic", e.topic());
      line.put("event_type", e.eventType());
      line.put("correlation_id", e.correlationId());
      line.put("publisher", e.publisherNodeId());
      line.set("event", parseOrText(payload));
      out.println(line);
    } else {
      out.printf("#%d %s %s %s%n", e.sequence(), e.topic(), e.eventType(), payload);
    }
    out.flush();
  }

  /** A lost run of events: one line, so a reader of the output sees every loss. */
  private void printGap(PrintWriter out, Gap g) {
    if (json) {
      ObjectNode gap = OnexEventJson.mapper().createObjectNode();
      ObjectNode body = gap.putObject("gap");
      body.put("lost", g.lost());
      body.put("first_sequence", g.firstSequence());
      body.put("last_sequence", g.lastSequence());
      out.println(gap);
    } else {
      out.printf(
          "# gap: lost %d events, sequences %d..%d%n",
          g.lost(), g.firstSequence(), g.lastSequence());
    }
    out.flush();
  }

  private static com.fasterxml.jackson.databind.JsonNode parseOrText(String payload) {
    try {
      return OnexEventJson.mapper().readTree(payload);
    } catch (java.io.IOException ex) {
      return OnexEventJson.mapper().getNodeFactory().textNode(payload);
    }
  }
}
