package io.onex.bus.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.cli.deploy.Deployment;
import io.onex.bus.client.SchemaRegistration;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.schema.AppliesTo;
import io.onex.bus.protocol.schema.RegisteredSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code onex schema}: the per-topic payload schemas kept by the registry, over the registry
 * protocol's SCHEMA_* commands (docs/protocol.md §16.16). Main thread.
 */
@Command(
    name = "schema",
    description = "Register, list, show and delete per-topic payload schemas (JSON Schema).",
    subcommands = {
      SchemaCommand.Register.class,
      SchemaCommand.ListSchemas.class,
      SchemaCommand.Show.class,
      SchemaCommand.History.class,
      SchemaCommand.Delete.class
    })
public final class SchemaCommand implements Runnable {
  /** What {@code registered_by} records for a schema registered from the command line. */
  static final String REGISTRANT = "cli";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a subcommand: register, list, show, history, delete");
  }

  /** The bus and topic pattern every per-schema subcommand names. */
  static final class Key {
    @Option(names = "--bus", required = true, description = "the bus, e.g. telemetry")
    String bus;

    @Option(
        names = "--topic",
        required = true,
        description = "the topic pattern, e.g. 'sensors.>' (quote it in a shell)")
    String topic;
  }

  /** {@code onex schema register}: prints the version and hash; exit 2 for an invalid schema. */
  @Command(name = "register", description = "Register a JSON Schema for a topic pattern.")
  public static final class Register implements Callable<Integer> {
    @Mixin RegistryOptions where = new RegistryOptions();
    @Mixin Key key = new Key();

    @Option(names = "--file", required = true, description = "the JSON Schema (draft 2020-12)")
    Path file;

    @Option(
        names = "--applies-to",
        defaultValue = "metadata",
        description = "what the schema describes: metadata (default) or event (the whole event)")
    String appliesTo;

    @Option(names = "--json", description = "print the registry's reply as JSON")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      AppliesTo to;
      try {
        to = AppliesTo.fromWireName(appliesTo);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--applies-to must be metadata or event, not '" + appliesTo + "'");
      }
      JsonNode document = read(file);
      SchemaRegistration r;
      try (Deployment d = where.locate()) {
        r = d.ask(c -> c.registerSchema(key.bus, key.topic, document, to, REGISTRANT));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode o = RegistryCodec.object();
        o.set("schema", r.schema().toJson());
        o.put("created", r.created());
        o.put("revision", r.revision());
        out.println(o);
      } else {
        RegisteredSchema s = r.schema();
        out.printf(
            "%s %s on bus %s: version %d, hash %s%n",
            r.created() ? "registered" : "unchanged", s.topic(), s.bus(), s.version(), s.hash());
      }
      out.flush();
      return 0;
    }

    private static JsonNode read(Path file) {
      try {
        return RegistryCodec.mapper().readTree(Files.readAllBytes(file));
      } catch (NoSuchFileException e) {
        throw new CliException(OnexCommand.EXIT_USAGE, "no such file: " + file);
      } catch (IOException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        throw new CliException(
            OnexCommand.EXIT_USAGE, file + " is not JSON: " + (nl < 0 ? m : m.substring(0, nl)));
      }
    }
  }

  /** {@code onex schema list}: the current schema of every topic pattern, with revisions. */
  @Command(name = "list", description = "List the current schemas: bus, topic, version, hash.")
  public static final class ListSchemas implements Callable<Integer> {
    @Mixin RegistryOptions where = new RegistryOptions();

    @Option(names = "--bus", description = "only this bus")
    String bus;

    @Option(names = "--json", description = "print JSON (schemas and revisions)")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ObjectNode reply;
      try (Deployment d = where.locate()) {
        reply = d.ask(c -> c.schemas(Optional.ofNullable(bus)));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        reply.remove("request_id");
        out.println(reply);
        out.flush();
        return 0;
      }
      new Listing()
          .column("BUS", Listing.text("bus"))
          .column("TOPIC", Listing.text("topic"))
          .column("VERSION", Listing.text("version"))
          .column("APPLIES TO", Listing.text("applies_to"))
          .column("HASH", Listing.text("hash"))
          .column("REGISTERED BY", Listing.text("registered_by"))
          .column("REGISTERED AT", Listing.text("registered_at"))
          .print(out, reply.path("schemas"), false);
      return 0;
    }
  }

  /** {@code onex schema show}: one version's facts and document. */
  @Command(name = "show", description = "Show a topic pattern's schema (the current version).")
  public static final class Show implements Callable<Integer> {
    @Mixin RegistryOptions where = new RegistryOptions();
    @Mixin Key key = new Key();

    @Option(names = "--version", description = "this version instead of the current one")
    Integer version;

    @Option(names = "--json", description = "print the schema document as JSON")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      OptionalInt v = version == null ? OptionalInt.empty() : OptionalInt.of(version);
      RegisteredSchema s;
      try (Deployment d = where.locate()) {
        s = d.ask(c -> c.schema(key.bus, key.topic, v));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(s.toJson());
      } else {
        out.println("bus: " + s.bus());
        out.println("topic: " + s.topic());
        out.println("version: " + s.version());
        out.println("hash: " + s.hash());
        out.println("applies_to: " + s.appliesTo().wireName());
        out.println("registered_at: " + s.registeredAt());
        out.println("registered_by: " + s.registeredBy());
        out.println("schema:");
        out.println(s.schema().toPrettyString());
      }
      out.flush();
      return 0;
    }
  }

  /** {@code onex schema history}: every version, deleted ones marked. */
  @Command(name = "history", description = "List every version of a topic pattern's schema.")
  public static final class History implements Callable<Integer> {
    @Mixin RegistryOptions where = new RegistryOptions();
    @Mixin Key key = new Key();

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      JsonNode versions;
      try (Deployment d = where.locate()) {
        versions = d.ask(c -> c.schemaHistory(key.bus, key.topic));
      }
      new Listing()
          .column("VERSION", Listing.text("version"))
          .column("APPLIES TO", Listing.text("applies_to"))
          .column("HASH", Listing.text("hash"))
          .column("REGISTERED BY", Listing.text("registered_by"))
          .column("REGISTERED AT", Listing.text("registered_at"))
          .column("DELETED AT", Listing.text("deleted_at"))
          .print(spec.commandLine().getOut(), versions, json);
      return 0;
    }
  }

  /** {@code onex schema delete}: the pattern's schema goes; its history stays. */
  @Command(name = "delete", description = "Delete a topic pattern's schema (history is kept).")
  public static final class Delete implements Callable<Integer> {
    @Mixin RegistryOptions where = new RegistryOptions();
    @Mixin Key key = new Key();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      int deleted;
      try (Deployment d = where.locate()) {
        deleted = d.ask(c -> c.deleteSchema(key.bus, key.topic));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "deleted the schema of %s on bus %s (%d version%s kept as history)%n",
          key.topic, key.bus, deleted, deleted == 1 ? "" : "s");
      out.flush();
      return 0;
    }
  }
}
