package io.onex.bus.config;

import java.util.List;
import java.util.Objects;

/**
 * A bus's schema enforcement (the {@code schema} key of a bus): its mode, the modes of particular
 * topic patterns, the largest payload it will parse, and how many EVENT_INVALID_SCHEMA reports it
 * publishes per second. Immutable; any thread.
 *
 * @param mode the bus-wide mode; {@link #defaultFor} gives the default per bus name
 * @param topics per-pattern modes; the first rule whose pattern matches the topic wins
 * @param maxPayloadBytes payloads larger than this are refused by a checking mode ({@code
 *     PAYLOAD_TOO_LARGE}) instead of parsed
 * @param reportsPerSecond EVENT_INVALID_SCHEMA system events per second at most; the rest are
 *     counted and the next report says how many were suppressed
 */
public record SchemaConfig(
    SchemaMode mode, List<TopicMode> topics, int maxPayloadBytes, int reportsPerSecond) {
  static final IntRange MAX_PAYLOAD_BYTES = new IntRange("max_payload_bytes", 64, 64 << 20);
  static final IntRange REPORTS_PER_SECOND = new IntRange("reports_per_second", 0, 100_000);

  /** Checks presence and bounds and copies the list. */
  public SchemaConfig {
    Objects.requireNonNull(mode, "mode");
    topics = List.copyOf(topics);
    MAX_PAYLOAD_BYTES.require(maxPayloadBytes);
    REPORTS_PER_SECOND.require(reportsPerSecond);
  }

  /**
   * The built-in setting for a bus: {@code strict} for {@code control} (commands must be right),
   * {@code permissive} for {@code telemetry}, {@code user} and {@code test}, and {@code off} for
   * any bus the configuration adds, whose payloads stay opaque until it asks for checking. 1 MiB
   * parse limit, 100 reports per second.
   */
  public static SchemaConfig defaultFor(String busName) {
    SchemaMode mode =
        switch (busName) {
          case "control" -> SchemaMode.STRICT;
          case "telemetry", "user", "test" -> SchemaMode.PERMISSIVE;
          default -> SchemaMode.OFF;
        };
    return new SchemaConfig(mode, List.of(), 1 << 20, 100);
  }

  /** The same settings with every topic in {@code newMode}. */
  public SchemaConfig withMode(SchemaMode newMode) {
    return new SchemaConfig(newMode, topics, maxPayloadBytes, reportsPerSecond);
  }

  /**
   * A mode for topics a pattern matches. Immutable; any thread.
   *
   * @param pattern a topic pattern ({@code *}, {@code >} allowed)
   * @param mode the mode for topics it matches
   */
  public record TopicMode(String pattern, SchemaMode mode) {
    /** Checks presence. */
    public TopicMode {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(mode, "mode");
    }
  }
}
