package io.onex.bus.protocol.schema;

import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.topic.TopicPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The schemas registered for one bus, and which one governs a topic: of the patterns that match it,
 * the most specific (most literal tokens; then without {@code >}; then the most tokens; then by
 * text, so the choice never depends on registration order). Immutable; any thread.
 */
public final class TopicSchemaSet {
  /** No schemas: every topic is checked against the contract alone. */
  public static final TopicSchemaSet EMPTY = new TopicSchemaSet(List.of(), 0);

  private static final Comparator<Entry> MOST_SPECIFIC_FIRST =
      Comparator.comparingInt((Entry e) -> -e.literalTokens)
          .thenComparing(e -> e.hasRest)
          .thenComparingInt(e -> -e.tokens)
          .thenComparing(e -> e.schema.registered().topic());

  private final List<Entry> entries;
  private final long revision;

  private TopicSchemaSet(List<Entry> entries, long revision) {
    this.entries = entries;
    this.revision = revision;
  }

  /**
   * Compiles {@code schemas}. One that cannot be compiled or whose pattern is invalid is left out
   * and handed to {@code skipped} with the reason, so one bad document never stops the others.
   */
  public static TopicSchemaSet of(
      List<RegisteredSchema> schemas, long revision, BiConsumer<RegisteredSchema, String> skipped) {
    List<Entry> out = new ArrayList<>();
    for (RegisteredSchema r : schemas) {
      try {
        out.add(new Entry(TopicPattern.parse(r.topic()), TopicSchema.compile(r)));
      } catch (InvalidSchemaException | ProtocolException e) {
        skipped.accept(r, e.getMessage());
      }
    }
    out.sort(MOST_SPECIFIC_FIRST);
    return new TopicSchemaSet(List.copyOf(out), revision);
  }

  /** The registry's schema revision this set was built from. */
  public long revision() {
    return revision;
  }

  /** How many schemas the set holds. */
  public int size() {
    return entries.size();
  }

  /** The schema governing {@code topic}, or null when none does. */
  public TopicSchema forTopic(String topic) {
    for (Entry e : entries) {
      if (e.pattern.matches(topic)) {
        return e.schema;
      }
    }
    return null;
  }

  private static final class Entry {
    final TopicPattern pattern;
    final TopicSchema schema;
    final int literalTokens;
    final boolean hasRest;
    final int tokens;

    Entry(TopicPattern pattern, TopicSchema schema) {
      this.pattern = pattern;
      this.schema = schema;
      String[] t = pattern.tokens();
      int literal = 0;
      boolean rest = false;
      for (String token : t) {
        if (token.equals(">")) {
          rest = true;
        } else if (!token.equals("*")) {
          literal++;
        }
      }
      this.literalTokens = literal;
      this.hasRest = rest;
      this.tokens = t.length;
    }
  }
}
