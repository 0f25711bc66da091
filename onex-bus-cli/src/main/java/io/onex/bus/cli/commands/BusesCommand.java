package io.onex.bus.cli.commands;

import picocli.CommandLine.Command;

/** {@code onex buses}: the buses the registry knows, as a table or JSON. Main thread. */
@Command(name = "buses", description = "List the buses: endpoint, leased port, metadata, rates.")
public final class BusesCommand extends RegistryListing {
  @Override
  String what() {
    return "buses";
  }

  @Override
  Listing columns() {
    return new Listing()
        .column("BUS", Listing.text("name"))
        .column("ENDPOINT", Listing.text("endpoint"))
        .column("PORT", Listing.text("port"))
        .column("PURPOSE", b -> b.path("metadata").path("purpose").asText())
        .column("QOS", b -> b.path("metadata").path("qos").asText())
        .column("SUBS", Listing.text("subscriber_count"))
        .column("PUB/S", b -> String.format("%.0f", b.path("publish_rate_per_s").asDouble()))
        .column("DELIV/S", b -> String.format("%.0f", b.path("deliver_rate_per_s").asDouble()))
        .column("DROPPED", b -> Long.toString(b.path("events_dropped").asLong()))
        .column("QUEUED", b -> Long.toString(b.path("queued_events").asLong()));
  }
}
