package io.onex.bus.cli.commands;

import picocli.CommandLine.Command;

/** {@code onex nodes}: every registered node, as a table or JSON. Main thread. */
@Command(
    name = "nodes",
    description = "List the nodes: buses, topics, affinity, trust, last seen, status.")
public final class NodesCommand extends RegistryListing {
  @Override
  String what() {
    return "nodes";
  }

  @Override
  Listing columns() {
    return new Listing()
        .column("NODE", Listing.text("node_id"))
        .column("STATUS", Listing.text("status"))
        .column("BUSES", n -> Listing.joined(n.path("buses")))
        .column("PUBLISHES", n -> Listing.joined(n.path("topics").path("publish")))
        .column("SUBSCRIBES", n -> Listing.joined(n.path("topics").path("subscribe")))
        .column("AFFINITY", n -> Listing.joined(n.path("affinity")))
        .column("TRUST", Listing.text("trust"))
        .column("LEASES", n -> Integer.toString(n.path("leases").size()))
        .column("LAST SEEN", Listing.text("last_seen"));
  }
}
