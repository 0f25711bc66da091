package io.onex.bus.cli.commands;

import io.onex.bus.cli.deploy.Deployment;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code onex topics}: every topic or pattern nodes declared or brokers reported, with publishers,
 * subscribers and buses. Main thread.
 */
@Command(
    name = "topics",
    description = "List topics: publishers, subscribers, buses, queued, dropped, lag.")
public final class TopicsCommand implements Callable<Integer> {
  @Mixin RegistryOptions where = new RegistryOptions();

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (Deployment d = where.locate()) {
      new Listing()
          .column("TOPIC", Listing.text("topic"))
          .column("PUBLISHERS", t -> Listing.joined(t.path("publishers")))
          .column("SUBSCRIBERS", t -> Listing.joined(t.path("subscribers")))
          .column("BUSES", t -> Listing.joined(t.path("buses")))
          .column("QUEUED", Listing.text("queued"))
          .column("DROPPED", Listing.text("dropped"))
          .column("BEHIND", Listing.text("behind"))
          .print(spec.commandLine().getOut(), d.list("topics"), json);
    }
    return 0;
  }
}
