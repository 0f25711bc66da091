package io.onex.bus.cli.commands;

import picocli.CommandLine.Command;

/**
 * {@code onex topics}: every topic or pattern nodes declared or brokers reported, with publishers,
 * subscribers and buses. Main thread.
 */
@Command(
    name = "topics",
    description = "List topics: publishers, subscribers, buses, queued, dropped, lag.")
public final class TopicsCommand extends RegistryListing {
  @Override
  String what() {
    return "topics";
  }

  @Override
  Listing columns() {
    return new Listing()
        .column("TOPIC", Listing.text("topic"))
        .column("PUBLISHERS", t -> Listing.joined(t.path("publishers")))
        .column("SUBSCRIBERS", t -> Listing.joined(t.path("subscribers")))
        .column("BUSES", t -> Listing.joined(t.path("buses")))
        .column("QUEUED", Listing.text("queued"))
        .column("DROPPED", Listing.text("dropped"))
        .column("BEHIND", Listing.text("behind"))
        .column("SCHEMA", TopicsCommand::schemaModes);
  }

  /** {@code bus:mode} for each bus the topic is on, e.g. {@code control:strict}. */
  private static String schemaModes(com.fasterxml.jackson.databind.JsonNode topic) {
    StringBuilder out = new StringBuilder();
    topic
        .path("schema")
        .properties()
        .forEach(
            e ->
                out.append(out.length() == 0 ? "" : ",")
                    .append(e.getKey())
                    .append(':')
                    .append(e.getValue().asText()));
    return out.length() == 0 ? "-" : out.toString();
  }
}
