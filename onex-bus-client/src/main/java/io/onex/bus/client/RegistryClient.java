package io.onex.bus.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.registry.RegistryCommand;
import io.onex.bus.protocol.registry.RegistryReply;
import io.onex.bus.transport.SocketLimits;
import io.onex.bus.transport.Sockets;
import java.time.Duration;
import java.util.Objects;
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
    this.socket = Sockets.dealer(context, SocketLimits.CLIENT_DEFAULT);
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

  @Override
  public synchronized void close() {
    context.close();
  }
}
