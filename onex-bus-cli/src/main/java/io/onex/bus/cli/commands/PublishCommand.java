package io.onex.bus.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.PublishOptions;
import io.onex.bus.client.PublishResult;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import io.onex.bus.protocol.schema.SchemaFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code onex publish}: sends N OnexEvents whose metadata is {@code --data} (or the file's JSON)
 * and prints what the broker answered. Exit 1 if any event was rejected or not sent. Main thread.
 */
@Command(name = "publish", description = "Publish events and report what the bus accepted.")
public final class PublishCommand implements Callable<Integer> {
  @Mixin BusOptions busOptions;

  @Option(names = "--topic", required = true, description = "literal topic, e.g. onex.evt.demo.v1")
  String topic;

  @Option(
      names = "--type",
      defaultValue = "USER_EVENT",
      description = "event_type (default: ${DEFAULT-VALUE})")
  String type;

  @Option(names = "--data", description = "metadata as a JSON object")
  String data;

  @Option(names = "--file", description = "file whose JSON object is the metadata")
  Path file;

  @Option(names = "--count", defaultValue = "1", description = "events to send (default: 1)")
  long count;

  @Option(
      names = "--rate",
      description = "events per second, e.g. 100/s (default: as fast as possible)")
  String rate;

  @Option(names = "--correlation-id", description = "correlation id for every event")
  String correlationId;

  @Option(names = "--tag", description = "tag k=v in the routing header (repeatable)")
  List<String> tags = new ArrayList<>();

  @Option(names = "--json", description = "print the summary as JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (count < 1) {
      throw new CliException(OnexCommand.EXIT_USAGE, "--count must be >= 1, was " + count);
    }
    JsonNode metadata = metadata();
    Rate pace = parseRate();
    PublishOptions publishOptions = new PublishOptions(parseTags());
    Summary summary = new Summary();
    try (BusClient client = busOptions.connect()) {
      List<CompletableFuture<PublishResult>> results = new ArrayList<>();
      for (long i = 0; i < count; i++) {
        pace.pace();
        OnexEvent event =
            OnexEvent.create(client.nodeId(), type, metadata).withCorrelationId(correlationId);
        results.add(client.publish(topic, event, publishOptions));
      }
      results.forEach(f -> summary.add(f.join()));
    }
    summary.print(spec.commandLine().getOut(), json);
    return summary.allAccepted() ? 0 : OnexCommand.EXIT_FAILURE;
  }

  private Map<String, String> parseTags() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String t : tags) {
      int eq = t.indexOf('=');
      if (eq < 1 || eq == t.length() - 1) {
        throw new CliException(OnexCommand.EXIT_USAGE, "--tag must look like key=value, was " + t);
      }
      m.put(t.substring(0, eq), t.substring(eq + 1));
    }
    return m;
  }

  private Rate parseRate() {
    try {
      return Rate.parse(rate);
    } catch (IllegalArgumentException e) {
      throw new CliException(OnexCommand.EXIT_USAGE, "--rate: " + e.getMessage());
    }
  }

  private JsonNode metadata() {
    if (data != null && file != null) {
      throw new CliException(OnexCommand.EXIT_USAGE, "give --data or --file, not both");
    }
    String text;
    try {
      text = file != null ? Files.readString(file) : data;
    } catch (IOException e) {
      throw new CliException(OnexCommand.EXIT_USAGE, "cannot read " + file + ": " + e.getMessage());
    }
    if (text == null) {
      return null;
    }
    try {
      JsonNode node = OnexEventJson.mapper().readTree(text);
      if (node == null || !node.isObject()) {
        throw new CliException(
            OnexCommand.EXIT_USAGE, "--data must be a JSON object, was: " + text);
      }
      return node;
    } catch (IOException e) {
      throw new CliException(OnexCommand.EXIT_USAGE, "--data is not valid JSON: " + e.getMessage());
    }
  }

  /** Counts results and the reasons for rejections. */
  private static final class Summary {
    private long sent;
    private long accepted;
    private long rejected;
    private long firstSequence = -1;
    private long lastSequence = -1;
    private final Map<String, Long> reasons = new LinkedHashMap<>();

    /** The first schema failure behind each reason: what to fix, where, against which hash. */
    private final Map<String, SchemaFailure> schemaFailures = new LinkedHashMap<>();

    void add(PublishResult r) {
      sent++;
      if (r.isAccepted()) {
        accepted++;
        firstSequence = firstSequence < 0 ? r.sequence() : firstSequence;
        lastSequence = r.sequence();
      } else {
        rejected++;
        String reason = r.status() + " " + (r.code() == null ? "" : r.code() + ": ") + r.message();
        reasons.merge(reason, 1L, Long::sum);
        if (r.schemaFailure() != null) {
          schemaFailures.putIfAbsent(reason, r.schemaFailure());
        }
      }
    }

    boolean allAccepted() {
      return rejected == 0;
    }

    void print(PrintWriter out, boolean json) {
      if (json) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sent", sent);
        m.put("acked", accepted);
        m.put("rejected", rejected);
        m.put("first_sequence", firstSequence);
        m.put("last_sequence", lastSequence);
        m.put("reasons", reasons);
        if (!schemaFailures.isEmpty()) {
          m.put("schema_errors", schemaFailures.values().stream().map(Summary::json).toList());
        }
        out.println(OnexEventJson.mapper().valueToTree(m).toString());
      } else {
        out.printf("sent %d, acked %d, rejected %d%n", sent, accepted, rejected);
        if (accepted > 0) {
          out.printf("sequences %d..%d%n", firstSequence, lastSequence);
        }
        reasons.forEach(
            (reason, n) -> {
              out.printf("  %d x %s%n", n, reason);
              SchemaFailure f = schemaFailures.get(reason);
              if (f != null) {
                out.printf(
                    "      expected schema %s, hash %s%n",
                    f.schemaTopic().isEmpty()
                        ? "onex-event (the OnexEvent contract)"
                        : f.schemaTopic() + " v" + f.schemaVersion(),
                    f.schemaHash());
                f.violations()
                    .forEach(
                        v ->
                            out.printf(
                                "      at %s: %s%n",
                                v.pointer().isEmpty() ? "/" : v.pointer(), v.message()));
              }
            });
      }
      out.flush();
    }

    private static Map<String, Object> json(SchemaFailure f) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", f.code().name());
      m.put("message", f.message());
      m.put("schema_hash", f.schemaHash());
      m.put("schema_topic", f.schemaTopic());
      m.put("schema_version", f.schemaVersion());
      m.put(
          "violations",
          f.violations().stream()
              .map(v -> Map.of("pointer", v.pointer(), "message", v.message()))
              .toList());
      return m;
    }
  }
}
