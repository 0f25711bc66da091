package io.onex.bus.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.bus.protocol.schema.AppliesTo;
import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.protocol.schema.SchemaHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What schema checking costs ({@code onex bench --scenario schema}): 1→1 throughput of valid
 * OnexEvents through a broker whose bus checks nothing ({@code schema-off}), one that checks every
 * event in permissive mode, and one in strict mode, the last two against a small topic schema
 * registered for the bench topic, in one run ({@link CellComparison}). Target: strict keeps at
 * least half of schema-off's throughput. Harness thread only.
 */
public final class SchemaBench {
  public static final String SCENARIO = "schema";

  /** The smallest OnexEvent payload the scenario pads. */
  static final int MIN_SIZE = 200;

  static final String OFF = "schema-off";
  static final String PERMISSIVE = "permissive";
  static final String STRICT = "strict";

  private static final String EVENT_TYPE = "NODE_START";
  private static final String SMALL_SCHEMA =
      "{\"type\":\"object\",\"required\":[\"qty\",\"pad\"],"
          + "\"properties\":{\"qty\":{\"type\":\"integer\",\"minimum\":0},"
          + "\"pad\":{\"type\":\"string\"}}}";

  private SchemaBench() {}

  /** Runs the three cells; rows in the order off, permissive, strict. */
  public static List<SchemaRow> run(SchemaBenchOptions o, Consumer<String> progress)
      throws Exception {
    byte[] payload = payload(o.size());
    List<OnexSystem> systems = new ArrayList<>();
    try {
      OnexSystem off = add(systems, new OnexSystem("schema: {mode: 'off'}"));
      OnexSystem permissive = add(systems, checked("permissive"));
      OnexSystem strict = add(systems, checked("strict"));
      CellComparison.Result r =
          CellComparison.run(
              SCENARIO,
              List.of(
                  cell(OFF, off, payload),
                  cell(PERMISSIVE, permissive, payload),
                  cell(STRICT, strict, payload)),
              o.events(),
              o.repetitions(),
              progress);
      List<SchemaRow> rows = new ArrayList<>();
      for (int i = 0; i < systems.size(); i++) {
        rows.add(
            new SchemaRow(
                r.names().get(i),
                o.size(),
                o.events(),
                r.median(i),
                r.min(i),
                r.max(i),
                r.lost()[i],
                systems.get(i).broker().snapshot().schemaInvalid(),
                r.ratioToBaseline(i),
                r.pairedRatio(i)));
      }
      return rows;
    } finally {
      systems.forEach(OnexSystem::close);
    }
  }

  /** A valid OnexEvent of exactly {@code size} bytes, its metadata padded. */
  static byte[] payload(int size) {
    String head =
        "{\"event_id\":\"9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f11\","
            + "\"timestamp\":\"2025-05-28T12:36:25.677980Z\",\"node_id\":\"bench-pub\","
            + "\"event_type\":\""
            + EVENT_TYPE
            + "\",\"correlation_id\":null,\"metadata\":{\"qty\":12,\"pad\":\"";
    String tail = "\"}}";
    int pad = size - head.length() - tail.length();
    if (pad < 0) {
      throw new IllegalArgumentException("an OnexEvent needs at least " + MIN_SIZE + " bytes");
    }
    return (head + "x".repeat(pad) + tail).getBytes(StandardCharsets.UTF_8);
  }

  private static OnexSystem checked(String mode) throws Exception {
    OnexSystem s = new OnexSystem("schema: {mode: " + mode + "}");
    JsonNode doc = new ObjectMapper().readTree(SMALL_SCHEMA);
    s.broker()
        .updateSchemas(
            List.of(
                new RegisteredSchema(
                    "bench",
                    "bench.>",
                    1,
                    SchemaHash.of(doc),
                    AppliesTo.METADATA,
                    doc,
                    Instant.now(),
                    "bench")),
            1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (s.broker().schemaRevision() != 1) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the broker did not take the bench schema");
      }
      Thread.onSpinWait();
    }
    return s;
  }

  private static OnexSystem add(List<OnexSystem> systems, OnexSystem s) {
    systems.add(s);
    return s;
  }

  private static CellComparison.Cell cell(String name, OnexSystem system, byte[] payload) {
    return CellComparison.cell(name, events -> system.oneToOne(payload, EVENT_TYPE, events));
  }
}
