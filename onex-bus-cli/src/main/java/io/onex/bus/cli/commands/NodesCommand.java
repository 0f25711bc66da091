package io.onex.bus.cli.commands;

import io.onex.bus.cli.deploy.Deployment;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onex nodes}: every registered node, as a table or JSON. Main thread. */
@Command(
    name = "nodes",
    description = "List the nodes: buses, topics, affinity, trust, last seen, status.")
public final class NodesCommand implements Callable<Integer> {
  @Mixin RegistryOptions where = new RegistryOptions();

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (Deployment d = where.locate()) {
      new Listing()
          .column("NODE", Listing.text("node_id"))
          .column("STATUS", Listing.text("status"))
          .column("BUSES", n -> Listing.joined(n.path("buses")))
          .column("PUBLISHES", n -> Listing.joined(n.path("topics").path("publish")))
          .column("SUBSCRIBES", n -> Listing.joined(n.path("topics").path("subscribe")))
          .column("AFFINITY", n -> Listing.joined(n.path("affinity")))
          .column("TRUST", Listing.text("trust"))
          .column("LEASES", n -> Integer.toString(n.path("leases").size()))
          .column("LAST SEEN", Listing.text("last_seen"))
          .print(spec.commandLine().getOut(), d.list("nodes"), json);
    }
    return 0;
  }
}
