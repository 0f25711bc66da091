package io.onex.bus.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.registry.RegistryCommand;
import io.onex.bus.protocol.registry.RegistryReply;
import io.onex.bus.protocol.schema.AppliesTo;
import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.transport.SocketLimits;
import io.onex.bus.transport.Sockets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A node's connection to the registry (docs/protocol.md, "Registry protocol"): one DEALER, one
 * request at a time, each answered or timed out. Replies to requests that timed out are recognised
 * by their {@code request_id} and skipped. Bodies and results are the JSON documents the protocol
 * documents, so what this client sends a pyzmq node can send too.
 *
 * <p>Thread-safe: calls from several threads are serialised.
 */
public final class RegistryClient implements AutoCloseable {
  /** How long a call waits for its reply unless told otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  // Room for the status frame beside the largest reply body.
  private static final int REPLY_OVERHEAD_BYTES = 64;
  private static final AtomicLong CLIENTS = new AtomicLong();
  private final ZContext context = new ZContext(1);
  private final ZMQ.Socket socket;
  private final String endpoint;
  private final Duration timeout;
  private final String idPrefix;
  private long nextId;

  private RegistryClient(String endpoint, Duration timeout) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.timeout = timeout;
    this.idPrefix = "r" + ProcessHandle.current().pid() + "." + CLIENTS.incrementAndGet() + ".";
    // A listing with schema documents may be larger than the client default allows.
    this.socket =
        Sockets.dealer(
            context,
            SocketLimits.CLIENT_DEFAULT.withMaxMessageBytes(
                RegistryCodec.MAX_REPLY_BODY_BYTES + REPLY_OVERHEAD_BYTES));
    socket.setSendTimeOut((int) timeout.toMillis());
    socket.connect(endpoint);
  }

  /** A client of the registry at {@code endpoint}; connects in the background. */
  public static RegistryClient connect(String endpoint) {
    return new RegistryClient(endpoint, DEFAULT_TIMEOUT);
  }

  /** As {@link #connect(String)}, with another per-call timeout. */
  public static RegistryClient connect(String endpoint, Duration timeout) {
    return new RegistryClient(endpoint, timeout);
  }

  /** The registry's endpoint. */
  public String endpoint() {
    return endpoint;
  }

  /**
   * Sends one request and returns the OK reply's body.
   *
   * @throws RegistryCallException with the registry's error code when refused, or without a code
   *     when no reply came within the timeout
   */
  public synchronized ObjectNode call(RegistryCommand command, ObjectNode body) {
    String id = idPrefix + (++nextId);
    byte[][] frames = RegistryCodec.encodeRequest(command, id, body);
    if (!socket.send(frames[0], ZMQ.SNDMORE) || !socket.send(frames[1], 0)) {
      throw new RegistryCallException(
          null, "cannot reach the registry at " + endpoint + " within " + timeout, "");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        throw new RegistryCallException(
            null,
            "no reply from the registry at "
                + endpoint
                + " within "
                + timeout
                + " ("
                + command
                + ")",
            "");
      }
      socket.setReceiveTimeOut((int) left);
      byte[] status = socket.recv(0);
      if (status == null) {
        continue;
      }
      byte[] replyBody = socket.hasReceiveMore() ? socket.recv(0) : new byte[0];
      while (socket.hasReceiveMore()) {
        socket.recv(0);
      }
      RegistryReply reply;
      try {
        reply = RegistryCodec.decodeReply(status, replyBody);
      } catch (ProtocolException e) {
        throw new RegistryCallException(
            e.code(), "the registry answered garbage: " + e.getMessage(), e.offending());
      }
      if (!reply.requestId().equals(id)) {
        continue; // the late answer to an earlier call that timed out
      }
      if (!reply.ok()) {
        throw new RegistryCallException(reply.errorCode(), reply.message(), reply.offending());
      }
      return reply.body();
    }
  }

  /**
   * QUERY {@code what} ({@code buses}, {@code nodes}, {@code leases}, {@code topics}): the list.
   */
  public JsonNode query(String what) {
    ObjectNode q = RegistryCodec.object();
    q.put("what", what);
    return call(RegistryCommand.QUERY, q).path(what);
  }

  /** QUERY one bus by name: its document (endpoint, port, metadata...). */
  public ObjectNode bus(String name) {
    ObjectNode q = RegistryCodec.object();
    q.put("what", "bus");
    q.put("name", name);
    return (ObjectNode) call(RegistryCommand.QUERY, q).path("bus");
  }

  /** QUERY one node by id. */
  public ObjectNode node(String nodeId) {
    ObjectNode q = RegistryCodec.object();
    q.put("what", "node");
    q.put("node_id", nodeId);
    return (ObjectNode) call(RegistryCommand.QUERY, q).path("node");
  }

  /** The endpoint nodes connect to for bus {@code name}. */
  public String busEndpoint(String name) {
    return bus(name).path("endpoint").asText();
  }

  /** LEASE_REQUEST with the given PortRequestModel fields; returns the lease document. */
  public ObjectNode requestLease(ObjectNode request) {
    return (ObjectNode) call(RegistryCommand.LEASE_REQUEST, request).path("lease");
  }

  /** LEASE_RENEW; returns the renewed lease document. */
  public ObjectNode renewLease(String leaseId) {
    ObjectNode b = RegistryCodec.object();
    b.put("lease_id", leaseId);
    return (ObjectNode) call(RegistryCommand.LEASE_RENEW, b).path("lease");
  }

  /** LEASE_RELEASE; {@code bindFailed} reports that the port could not be bound. */
  public ObjectNode releaseLease(String leaseId, boolean bindFailed) {
    ObjectNode b = RegistryCodec.object();
    b.put("lease_id", leaseId);
    if (bindFailed) {
      b.put("reason", "bind_failed");
    }
    return (ObjectNode) call(RegistryCommand.LEASE_RELEASE, b).path("lease");
  }

  /** REGISTER; returns the reply ({@code node}, {@code rejoined}). */
  public ObjectNode register(ObjectNode registration) {
    return call(RegistryCommand.REGISTER, registration);
  }

  /** HEARTBEAT for {@code nodeId}, with an optional bus report. */
  public ObjectNode heartbeat(String nodeId, ObjectNode busReport) {
    ObjectNode b = RegistryCodec.object();
    b.put("node_id", nodeId);
    if (busReport != null) {
      b.set("bus", busReport);
    }
    return call(RegistryCommand.HEARTBEAT, b);
  }

  /** DEREGISTER: the node leaves; its leases are released. */
  public ObjectNode deregister(String nodeId) {
    ObjectNode b = RegistryCodec.object();
    b.put("node_id", nodeId);
    return call(RegistryCommand.DEREGISTER, b);
  }

  /**
   * SCHEMA_REGISTER: registers {@code schema} (a JSON Schema document, draft 2020-12) for topic
   * pattern {@code topic} on {@code bus}, recording {@code registeredBy} (a node id, or {@code
   * cli}) as who registered it.
   *
   * @throws RegistryCallException INVALID_SCHEMA (the reason; the JSON pointer as {@link
   *     RegistryCallException#offending()}) or INVALID_REQUEST (bad bus name or pattern)
   */
  public SchemaRegistration registerSchema(
      String bus, String topic, JsonNode schema, AppliesTo appliesTo, String registeredBy) {
    ObjectNode b = schemaKey(bus, topic);
    b.set("schema", schema);
    b.put("applies_to", appliesTo.wireName());
    if (registeredBy != null) {
      b.put("registered_by", registeredBy);
    }
    ObjectNode r = call(RegistryCommand.SCHEMA_REGISTER, b);
    return new SchemaRegistration(
        schemaDocument(r.path("schema")),
        r.path("created").asBoolean(),
        r.path("revision").asLong());
  }

  /**
   * As {@link #registerSchema(String, String, JsonNode, AppliesTo, String)}, registrant unnamed.
   */
  public SchemaRegistration registerSchema(
      String bus, String topic, JsonNode schema, AppliesTo appliesTo) {
    return registerSchema(bus, topic, schema, appliesTo, null);
  }

  /**
   * SCHEMA_GET: version {@code version} of the schema, or the current one when absent.
   *
   * @throws RegistryCallException UNKNOWN_SCHEMA when there is none
   */
  public RegisteredSchema schema(String bus, String topic, OptionalInt version) {
    ObjectNode b = schemaKey(bus, topic);
    version.ifPresent(v -> b.put("version", v));
    return schemaDocument(call(RegistryCommand.SCHEMA_GET, b).path("schema"));
  }

  /**
   * SCHEMA_LIST without documents: the reply as the registry sent it, {@code schemas} (the current
   * version of each bus and topic pattern) and {@code revisions} (bus to schema revision), of one
   * bus or of all.
   */
  public ObjectNode schemas(Optional<String> bus) {
    ObjectNode b = RegistryCodec.object();
    bus.ifPresent(n -> b.put("bus", n));
    return call(RegistryCommand.SCHEMA_LIST, b);
  }

  /** SCHEMA_LIST of one bus with documents: its current schemas and its schema revision. */
  public BusSchemas busSchemas(String bus) {
    ObjectNode b = RegistryCodec.object();
    b.put("bus", bus);
    b.put("documents", true);
    ObjectNode r = call(RegistryCommand.SCHEMA_LIST, b);
    List<RegisteredSchema> out = new ArrayList<>();
    for (JsonNode s : r.path("schemas")) {
      out.add(schemaDocument(s));
    }
    return new BusSchemas(bus, r.path("revisions").path(bus).asLong(), out);
  }

  /** The current schemas of {@code bus}, with their documents, by topic pattern. */
  public List<RegisteredSchema> currentSchemas(String bus) {
    return busSchemas(bus).schemas();
  }

  /**
   * SCHEMA_DELETE: deletes the topic pattern's schema (its history is kept).
   *
   * @return how many versions were marked deleted
   * @throws RegistryCallException UNKNOWN_SCHEMA when it has no current schema
   */
  public int deleteSchema(String bus, String topic) {
    return call(RegistryCommand.SCHEMA_DELETE, schemaKey(bus, topic)).path("deleted").asInt();
  }

  /** SCHEMA_HISTORY: every version, oldest first, each with {@code deleted_at} once deleted. */
  public JsonNode schemaHistory(String bus, String topic) {
    return call(RegistryCommand.SCHEMA_HISTORY, schemaKey(bus, topic)).path("schemas");
  }

  private static ObjectNode schemaKey(String bus, String topic) {
    ObjectNode b = RegistryCodec.object();
    b.put("bus", bus);
    b.put("topic", topic);
    return b;
  }

  private RegisteredSchema schemaDocument(JsonNode json) {
    try {
      return RegisteredSchema.fromJson(json);
    } catch (RuntimeException e) {
      throw new RegistryCallException(
          ErrorCode.MALFORMED_FRAME,
          "the registry at " + endpoint + " sent a schema document that does not read: " + e,
          "");
    }
  }

  @Override
  public synchronized void close() {
    context.close();
  }
}
