package io.onex.bus.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.cli.deploy.Deployment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code onex buses}: the buses of the running deployment, as a table or JSON. Main thread. */
@Command(name = "buses", description = "List the running buses.")
public final class BusesCommand implements Callable<Integer> {
  @Option(names = "--http", description = "HTTP API of the deployment")
  String http;

  @Option(names = "--home", description = "state directory of the deployment")
  Path home;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode buses = Deployment.locate(http, home).get("api/v1/buses");
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(buses.toString());
    } else {
      out.printf(
          "%-10s %-26s %6s %-14s %-14s %5s %10s %10s %8s%n",
          "BUS", "ENDPOINT", "PORT", "PURPOSE", "QOS", "SUBS", "PUB/S", "DELIV/S", "DROPPED");
      for (JsonNode b : buses) {
        out.printf(
            "%-10s %-26s %6d %-14s %-14s %5d %10.0f %10.0f %8d%n",
            b.path("name").asText(),
            b.path("endpoint").asText(),
            b.path("port").asInt(),
            b.path("metadata").path("purpose").asText(),
            b.path("metadata").path("qos").asText(),
            b.path("subscriber_count").asInt(),
            b.path("publish_rate_per_s").asDouble(),
            b.path("deliver_rate_per_s").asDouble(),
            b.path("events_dropped").asLong());
      }
    }
    out.flush();
    return 0;
  }
}
