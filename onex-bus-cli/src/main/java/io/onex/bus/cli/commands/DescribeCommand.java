package io.onex.bus.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.cli.deploy.Deployment;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code onex describe NODE_ID}: everything the registry knows about one node. Main thread. */
@Command(name = "describe", description = "Show everything the registry knows about one node.")
public final class DescribeCommand implements Callable<Integer> {
  @Mixin RegistryOptions where = new RegistryOptions();

  @Parameters(index = "0", paramLabel = "NODE_ID", description = "the node's id")
  String nodeId;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode n;
    try (Deployment d = where.locate()) {
      n = d.node(nodeId);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(n.toString());
    } else {
      print(out, "", n);
    }
    out.flush();
    return 0;
  }

  /** One {@code key: value} line per scalar, nested objects indented, lists inline. */
  private static void print(PrintWriter out, String indent, JsonNode n) {
    for (var e : n.properties()) {
      JsonNode v = e.getValue();
      if (v.isObject()) {
        out.println(indent + e.getKey() + ":");
        print(out, indent + "  ", v);
      } else if (v.isArray() && v.size() > 0 && v.get(0).isObject()) {
        out.println(indent + e.getKey() + ":");
        for (JsonNode item : v) {
          out.println(indent + "  -");
          print(out, indent + "    ", item);
        }
      } else if (v.isArray()) {
        out.println(indent + e.getKey() + ": " + Listing.joined(v));
      } else {
        out.println(indent + e.getKey() + ": " + v.asText());
      }
    }
  }
}
