package io.onex.bus.protocol.filter;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.codec.WireReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a subscription asks for beyond its topic pattern: a set of event types, and tag clauses that
 * must all hold. Carried in SUBSCRIBE's properties as {@code event_types} (comma-separated) and
 * {@code tags} (clauses separated by {@code ;}: {@code k=v}, {@code k in (a,b)}, {@code k exists}).
 * The broker evaluates it on the routing header only, never the payload, and reads the header's
 * type and tags only for subscriptions that filter on them. Immutable; any thread.
 */
public final class EventFilter {
  /** SUBSCRIBE property holding the event types. */
  public static final String EVENT_TYPES = "event_types";

  /** SUBSCRIBE property holding the tag clauses. */
  public static final String TAGS = "tags";

  /** The filter that lets everything through. */
  public static final EventFilter ALL = new EventFilter(Set.of(), List.of());

  private final Set<String> eventTypes;
  private final List<TagClause> clauses;

  private EventFilter(Set<String> eventTypes, List<TagClause> clauses) {
    this.eventTypes = eventTypes;
    this.clauses = clauses;
  }

  /** Reads the filter from SUBSCRIBE properties; a malformed one throws INVALID_FILTER. */
  public static EventFilter fromProperties(Map<String, String> properties)
      throws ProtocolException {
    String types = properties.getOrDefault(EVENT_TYPES, "");
    String tags = properties.getOrDefault(TAGS, "");
    if (types.isBlank() && tags.isBlank()) {
      return ALL;
    }
    return new EventFilter(parseTypes(types), parseClauses(tags));
  }

  /** The properties that carry this filter (empty for {@link #ALL}). */
  public Map<String, String> toProperties() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    if (!eventTypes.isEmpty()) {
      m.put(EVENT_TYPES, String.join(",", eventTypes));
    }
    if (!clauses.isEmpty()) {
      m.put(TAGS, String.join(";", clauses.stream().map(TagClause::toString).toList()));
    }
    return m;
  }

  /** A filter from its parts, checked as the broker would check it. */
  public static EventFilter of(Set<String> eventTypes, List<String> tagClauses)
      throws ProtocolException {
    return fromProperties(
        Map.of(EVENT_TYPES, String.join(",", eventTypes), TAGS, String.join(";", tagClauses)));
  }

  public boolean isAll() {
    return this == ALL || (eventTypes.isEmpty() && clauses.isEmpty());
  }

  /** Whether the event under {@code view} passes. */
  public boolean matches(EventRecordView view) {
    if (!eventTypes.isEmpty() && !eventTypes.contains(view.eventType())) {
      return false;
    }
    if (clauses.isEmpty()) {
      return true;
    }
    Map<String, String> tags;
    try {
      tags = new WireReader(view.buffer(), view.tagsOffset(), view.payloadOffset()).stringMap();
    } catch (ProtocolException e) {
      return false; // the record was checked on arrival; unreachable in practice
    }
    return matchesTags(tags);
  }

  /** Whether an event with these tags passes the tag clauses. */
  public boolean matchesTags(Map<String, String> tags) {
    for (TagClause c : clauses) {
      if (!c.test(tags)) {
        return false;
      }
    }
    return true;
  }

  /** Whether an event of this type passes the type set. */
  public boolean matchesType(String eventType) {
    return eventTypes.isEmpty() || eventTypes.contains(eventType);
  }

  private static Set<String> parseTypes(String text) throws ProtocolException {
    if (text.isBlank()) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String t : text.split(",", -1)) {
      String type = t.trim();
      if (type.isEmpty() || type.getBytes(StandardCharsets.UTF_8).length > 255) {
        throw invalid("event type list has an empty or over-long entry", text);
      }
      out.add(type);
    }
    return Collections.unmodifiableSet(out);
  }

  private static List<TagClause> parseClauses(String text) throws ProtocolException {
    if (text.isBlank()) {
      return List.of();
    }
    List<TagClause> out = new ArrayList<>();
    for (String c : text.split(";", -1)) {
      out.add(TagClause.parse(c.trim()));
    }
    return List.copyOf(out);
  }

  static ProtocolException invalid(String message, String offending) {
    return new ProtocolException(ErrorCode.INVALID_FILTER, message, offending);
  }

  @Override
  public String toString() {
    return isAll() ? "ALL" : toProperties().toString();
  }
}
