package io.onex.bus.cli.commands;

import io.onex.bus.cli.deploy.Deployment;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What every registry listing command ({@code buses}, {@code nodes}, {@code ports}, {@code topics})
 * does: find the registry, ask for one listing, print it as a table or, with {@code --json}, as the
 * registry's JSON. A subclass names the listing and its columns. Main thread.
 */
abstract class RegistryListing implements Callable<Integer> {
  @Mixin RegistryOptions where = new RegistryOptions();

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The QUERY {@code what}: {@code buses}, {@code nodes}, {@code leases} or {@code topics}. */
  abstract String what();

  /** The table's columns. */
  abstract Listing columns();

  @Override
  public Integer call() {
    try (Deployment d = where.locate()) {
      columns().print(spec.commandLine().getOut(), d.list(what()), json);
    }
    return 0;
  }
}
