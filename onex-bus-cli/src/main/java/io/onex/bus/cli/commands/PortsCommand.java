package io.onex.bus.cli.commands;

import picocli.CommandLine.Command;

/** {@code onex ports}: the active port leases, as a table or JSON. Main thread. */
@Command(name = "ports", description = "List the active port leases.")
public final class PortsCommand extends RegistryListing {
  @Override
  String what() {
    return "leases";
  }

  @Override
  Listing columns() {
    return new Listing()
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
        .column("EXPIRES", Listing.text("expires_at"));
  }
}
