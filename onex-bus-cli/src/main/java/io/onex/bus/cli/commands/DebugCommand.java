package io.onex.bus.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.cli.deploy.RegistryHttp;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code onex debug on|off|show --bus B}: a bus's debug mode (payload dumps of the events on some
 * topics to the broker's log), through the registry's HTTP API; the broker picks a change up with
 * its next heartbeat, without a restart (docs/operations.md, "Debug mode"). Main thread.
 */
@Command(
    name = "debug",
    description = "Turn a bus's debug mode (payload dumps to its log) on or off, or show it.")
public final class DebugCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "on|off|show", description = "what to do")
  String action;

  @Option(names = "--bus", required = true, description = "the bus")
  String bus;

  @Option(
      names = "--topic",
      paramLabel = "PATTERN",
      description = "topic pattern to dump (repeatable; default: the whole bus)")
  List<String> topics = new ArrayList<>();

  @Option(
      names = "--max-payload",
      paramLabel = "BYTES",
      description = "payload bytes shown per event, 0..1048576 (default 4096)")
  Integer maxPayload;

  @Option(
      names = "--redact",
      paramLabel = "KEY",
      description = "metadata key whose value is logged as *** (repeatable)")
  List<String> redact = new ArrayList<>();

  @Option(
      names = "--http",
      description = "registry HTTP API base URL (default: $ONEX_HTTP or the state file)")
  String http;

  @Option(
      names = "--home",
      description = "state directory of the deployment (default: $ONEX_HOME or ~/.onex)")
  Path home;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    boolean settingsGiven = !topics.isEmpty() || maxPayload != null || !redact.isEmpty();
    if (!action.equals("on") && settingsGiven) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--topic, --max-payload and --redact go with 'on' only");
    }
    String path = "/api/v1/buses/" + URLEncoder.encode(bus, StandardCharsets.UTF_8) + "/debug";
    RegistryHttp api = RegistryHttp.locate(http, home);
    JsonNode answer =
        switch (action) {
          case "on" -> api.call("PUT", path, body());
          case "off" -> api.call("DELETE", path, null);
          case "show" -> api.call("GET", path, null);
          default ->
              throw new CommandLine.ParameterException(
                  spec.commandLine(), "the action must be on, off or show (was '" + action + "')");
        };
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(answer.toString());
    } else if (!answer.path("enabled").asBoolean()) {
      out.printf("bus %s: debug off%n", bus);
    } else {
      out.printf(
          "bus %s: debug on, topics %s, max payload %d bytes, redact %s%n",
          bus,
          answer.path("topics").isEmpty() ? "(whole bus)" : Listing.joined(answer.path("topics")),
          answer.path("max_payload_bytes").asInt(),
          answer.path("redact").isEmpty() ? "(none)" : Listing.joined(answer.path("redact")));
    }
    out.flush();
    return 0;
  }

  private ObjectNode body() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    topics.forEach(o.putArray("topics")::add);
    if (maxPayload != null) {
      o.put("max_payload_bytes", maxPayload);
    }
    redact.forEach(o.putArray("redact")::add);
    return o;
  }
}
