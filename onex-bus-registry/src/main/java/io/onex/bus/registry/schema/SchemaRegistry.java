package io.onex.bus.registry.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.config.BusConfig;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.event.BusEventType;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.schema.AppliesTo;
import io.onex.bus.protocol.schema.InvalidSchemaException;
import io.onex.bus.protocol.schema.JsonSchemas;
import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.protocol.schema.SchemaHash;
import io.onex.bus.protocol.topic.TopicPattern;
import io.onex.bus.protocol.topic.Topics;
import io.onex.bus.registry.RegistryException;
import io.onex.bus.registry.events.RegistryEvents;
import io.onex.bus.registry.store.RegistryStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry's per-topic payload schemas (docs/protocol.md §16.16): versions per bus and topic
 * pattern, each with its hash, kept in the store; deletion keeps the history; each bus has a schema
 * revision that every register (that stores a version) and every delete raises, which brokers learn
 * from their heartbeat replies. Only documents {@link JsonSchemas#compile} accepts are stored, so a
 * broker can always compile what it fetches.
 *
 * <p>A schema may be registered for any syntactically valid bus name, also one that no broker
 * serves yet, so that schemas can be in place before a bus starts.
 *
 * <p>Any thread: the registry loop (the registry protocol) and the HTTP API's threads both call it.
 * Writes are serialised by this object's monitor, so the revision cache and the events follow the
 * store's order; reads go straight to the store or the cache.
 */
public final class SchemaRegistry {
  /** Who registered a schema when the request did not say. */
  public static final String UNKNOWN_REGISTRANT = "unknown";

  private final RegistryStore store;
  private final RegistryEvents events;
  private final Clock clock;
  private final Map<String, Long> revisions = new ConcurrentHashMap<>();

  /** Schemas kept in {@code store}; its revisions are read once, here. */
  public SchemaRegistry(RegistryStore store, RegistryEvents events, Clock clock) {
    this.store = store;
    this.events = events;
    this.clock = clock;
    revisions.putAll(store.schemaRevisions());
  }

  /**
   * Registers {@code document} as the schema of {@code topic} (a pattern) on {@code bus}.
   *
   * @param registeredBy the requesting node's id, {@code http} or {@code cli}; blank: {@link
   *     #UNKNOWN_REGISTRANT}
   * @throws RegistryException INVALID_REQUEST for a bad bus name or pattern; INVALID_SCHEMA with
   *     the reason and the JSON pointer for a document that is too large or not a JSON Schema the
   *     bus accepts
   */
  public synchronized SchemaWrite register(
      String bus, String topic, JsonNode document, AppliesTo appliesTo, String registeredBy)
      throws RegistryException {
    checkKey(bus, topic);
    if (document == null || !document.isObject()) {
      throw new RegistryException(ErrorCode.INVALID_SCHEMA, "a schema must be a JSON object", "");
    }
    int size = SchemaHash.canonicalBytes(document).length;
    if (size > RegistryCodec.MAX_SCHEMA_BYTES) {
      throw new RegistryException(
          ErrorCode.INVALID_SCHEMA,
          "the schema is "
              + size
              + " bytes as canonical JSON; the limit is "
              + RegistryCodec.MAX_SCHEMA_BYTES,
          "");
    }
    try {
      JsonSchemas.compile(document);
    } catch (InvalidSchemaException e) {
      throw new RegistryException(ErrorCode.INVALID_SCHEMA, e.getMessage(), e.pointer());
    }
    String by = registeredBy == null || registeredBy.isBlank() ? UNKNOWN_REGISTRANT : registeredBy;
    SchemaWrite w =
        store.registerSchema(
            new RegisteredSchema(
                bus,
                topic,
                0,
                SchemaHash.of(document),
                appliesTo,
                document,
                // The store keeps microseconds; the reply must equal what a later read returns.
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                by));
    if (w.created()) {
      revisions.put(bus, w.revision());
      RegisteredSchema s = w.schema();
      events.emit(
          BusEventType.SCHEMA_REGISTERED,
          "bus",
          bus,
          "topic",
          topic,
          "version",
          s.version(),
          "hash",
          s.hash(),
          "applies_to",
          s.appliesTo().wireName(),
          "registered_by",
          s.registeredBy(),
          "revision",
          w.revision());
    }
    return w;
  }

  /**
   * Version {@code version} (1, 2, …) of the schema, or the current one when {@code version} is 0.
   * A deleted version can be read by its number; "current" is never a deleted one.
   *
   * @throws RegistryException INVALID_REQUEST for a bad bus name or pattern; UNKNOWN_SCHEMA when
   *     there is no such version, or no current one
   */
  public RegisteredSchema get(String bus, String topic, int version) throws RegistryException {
    checkKey(bus, topic);
    Optional<StoredSchema> found = store.findSchema(bus, topic, version);
    if (found.isEmpty() || version == 0 && found.get().deleted()) {
      throw unknown(bus, topic, version);
    }
    return found.get().schema();
  }

  /** Every version of the schema, oldest first, deleted ones marked. */
  public List<StoredSchema> history(String bus, String topic) throws RegistryException {
    checkKey(bus, topic);
    List<StoredSchema> all = store.schemaHistory(bus, topic);
    if (all.isEmpty()) {
      throw unknown(bus, topic, 0);
    }
    return all;
  }

  /** The current schema of every topic pattern, of one bus or (empty) all, by bus and topic. */
  public List<RegisteredSchema> current(Optional<String> bus) throws RegistryException {
    if (bus.isPresent()) {
      checkBus(bus.get());
    }
    return store.currentSchemas().stream()
        .filter(s -> bus.isEmpty() || s.bus().equals(bus.get()))
        .toList();
  }

  /**
   * Deletes the topic pattern's schema: every version stays readable, marked deleted, and the next
   * registration goes on numbering.
   *
   * @throws RegistryException UNKNOWN_SCHEMA when it has no current schema
   */
  public synchronized SchemaDeletion delete(String bus, String topic) throws RegistryException {
    checkKey(bus, topic);
    SchemaDeletion d =
        store
            .deleteSchema(bus, topic, clock.instant().truncatedTo(ChronoUnit.MICROS))
            .orElseThrow(() -> unknown(bus, topic, 0));
    revisions.put(bus, d.revision());
    events.emit(
        BusEventType.SCHEMA_DELETED,
        "bus",
        bus,
        "topic",
        topic,
        "version",
        d.current().version(),
        "hash",
        d.current().hash(),
        "deleted",
        d.deleted(),
        "revision",
        d.revision());
    return d;
  }

  /** The bus's schema revision: 0 until a schema is first registered for it. */
  public long revision(String bus) {
    return revisions.getOrDefault(bus, 0L);
  }

  /** Every bus's schema revision, by bus; buses that never had a schema are absent. */
  public Map<String, Long> revisions() {
    return new TreeMap<>(revisions);
  }

  private static RegistryException unknown(String bus, String topic, int version) {
    String what = version == 0 ? "no current schema" : "no schema version " + version;
    return new RegistryException(
        ErrorCode.UNKNOWN_SCHEMA, what + " for topic '" + topic + "' on bus '" + bus + "'", topic);
  }

  /** Checks a bus name and a topic pattern as a request gives them. */
  public static void checkKey(String bus, String topic) throws RegistryException {
    checkBus(bus);
    try {
      TopicPattern.parse(topic);
    } catch (ProtocolException e) {
      throw new RegistryException(
          ErrorCode.INVALID_REQUEST, "topic: " + e.getMessage(), e.offending());
    }
    if (Topics.isSystem(topic)) {
      throw new RegistryException(
          ErrorCode.INVALID_REQUEST,
          "topic: system topics ($...) carry the bus's own events and take no schema",
          topic);
    }
  }

  private static void checkBus(String bus) throws RegistryException {
    if (!BusConfig.isValidName(bus)) {
      throw new RegistryException(
          ErrorCode.INVALID_REQUEST,
          "bus must match [a-z0-9][a-z0-9_-]{0,62}, e.g. telemetry",
          bus);
    }
  }
}
