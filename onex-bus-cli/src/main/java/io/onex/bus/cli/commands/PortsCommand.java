package io.onex.bus.cli.commands;

import io.onex.bus.cli.deploy.Deployment;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code onex ports}: the active port leases, as a table or JSON. Main thread. */
@Command(name = "ports", description = "List the active port leases.")
public final class PortsCommand implements Callable<Integer> {
  @Mixin RegistryOptions where = new RegistryOptions();

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (Deployment d = where.locate()) {
      new Listing()
          .column("PORT", Listing.text("port"))
          .column("HOST", Listing.text("host"))
          .column("PROTO", Listing.text("protocol"))
          .column("PURPOSE", Listing.text("purpose"))
          .column(
              "ALLOCATED BY",
              l ->
                  l.path("allocated_by").path("node_id").asText()
                      + "/"
                      + l.path("allocated_by").path("requester_id").asText())
          .column("ALLOCATED", Listing.text("port_allocation_ts"))
          .column("LAST HEARTBEAT", Listing.text("last_heartbeat_ts"))
          .column("EXPIRES", Listing.text("expires_at"))
          .print(spec.commandLine().getOut(), d.list("leases"), json);
    }
    return 0;
  }
}
