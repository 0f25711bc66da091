package io.onex.bus.cli.commands;

import io.onex.bus.cli.deploy.Deployment;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onex buses}: the buses the registry knows, as a table or JSON. Main thread. */
@Command(name = "buses", description = "List the buses: endpoint, leased port, metadata, rates.")
public final class BusesCommand implements Callable<Integer> {
  @Mixin RegistryOptions where = new RegistryOptions();

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (Deployment d = where.locate()) {
      new Listing()
          .column("BUS", Listing.text("name"))
          .column("ENDPOINT", Listing.text("endpoint"))
          .column("PORT", Listing.text("port"))
          .column("PURPOSE", b -> b.path("metadata").path("purpose").asText())
          .column("QOS", b -> b.path("metadata").path("qos").asText())
          .column("SUBS", Listing.text("subscriber_count"))
          .column("PUB/S", b -> String.format("%.0f", b.path("publish_rate_per_s").asDouble()))
          .column("DELIV/S", b -> String.format("%.0f", b.path("deliver_rate_per_s").asDouble()))
          .column("DROPPED", b -> Long.toString(b.path("events_dropped").asLong()))
          .column("QUEUED", b -> Long.toString(b.path("queued_events").asLong()))
          .print(spec.commandLine().getOut(), d.list("buses"), json);
    }
    return 0;
  }
}
