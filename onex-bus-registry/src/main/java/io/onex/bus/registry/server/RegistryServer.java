package io.onex.bus.registry.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.registry.RegistryRequest;
import io.onex.bus.registry.Registry;
import io.onex.bus.registry.RegistryException;
import io.onex.bus.registry.schema.SchemaRegistry;
import io.onex.bus.transport.RateLimitedLog;
import io.onex.bus.transport.SocketLimits;
import io.onex.bus.transport.SocketWaiter;
import io.onex.bus.transport.Sockets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The registry's ZeroMQ side: one ROUTER socket and one loop thread ({@code onex-registry}) that
 * answers requests one at a time and runs the reaper between them, so the registry's state has a
 * single writer and no locks. DEALER and REQ peers are both served (a REQ's empty delimiter frame
 * is echoed). Bad input gets an ERROR reply, a counter and a rate-limited log line; the loop goes
 * on.
 *
 * <p>{@link #start}, {@link #endpoint} and {@link #close} may be called from any thread.
 */
public final class RegistryServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);
  private static final int MAX_POLL_MILLIS = 100;
  private static final int MAX_PER_TURN = 256;

  private final ZContext context = new ZContext(1);
  private final ZMQ.Socket router;
  private final Registry registry;
  private final RequestHandler handler;
  private final long reapEveryMillis;
  private final RegistryCounters counters = new RegistryCounters();
  private final RateLimitedLog refusalLog = new RateLimitedLog(20, 1000);
  private final String endpoint;
  private final Thread thread;
  private volatile boolean running = true;

  private RegistryServer(
      String bindEndpoint, Registry registry, SchemaRegistry schemas, Duration reapEvery) {
    this.registry = registry;
    this.handler = new RequestHandler(registry, schemas);
    this.reapEveryMillis = Math.max(1, reapEvery.toMillis());
    this.router = Sockets.router(context, SocketLimits.DEFAULT);
    try {
      router.bind(bindEndpoint);
    } catch (ZMQException e) {
      context.close();
      throw new IllegalStateException(
          "registry cannot bind " + bindEndpoint + ": " + e.getMessage(), e);
    }
    this.endpoint = router.getLastEndpoint();
    this.thread = new Thread(this::loop, "onex-registry");
  }

  /**
   * Binds {@code bindEndpoint} ({@code tcp://host:port}, port {@code *} for any) and starts the
   * loop.
   *
   * @param schemas the topic schemas the SCHEMA_* commands serve
   * @param reapEvery how often the reaper runs
   * @throws IllegalStateException when the endpoint cannot be bound
   */
  public static RegistryServer start(
      String bindEndpoint, Registry registry, SchemaRegistry schemas, Duration reapEvery) {
    RegistryServer s = new RegistryServer(bindEndpoint, registry, schemas, reapEvery);
    s.thread.start();
    return s;
  }

  /** The bound endpoint, e.g. {@code tcp://127.0.0.1:41234}. */
  public String endpoint() {
    return endpoint;
  }

  /** The bound port. */
  public int port() {
    return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
  }

  /** The request and refusal counters. */
  public RegistryCounters counters() {
    return counters;
  }

  private void loop() {
    SocketWaiter waiter = new SocketWaiter(router);
    long nextReap = System.currentTimeMillis() + reapEveryMillis;
    try {
      while (running) {
        long wait = Math.min(MAX_POLL_MILLIS, Math.max(0, nextReap - System.currentTimeMillis()));
        waiter.await(wait);
        for (int i = 0; i < MAX_PER_TURN; i++) {
          List<byte[]> msg = receive();
          if (msg == null) {
            break;
          }
          serve(msg);
        }
        if (System.currentTimeMillis() >= nextReap) {
          reap();
          nextReap = System.currentTimeMillis() + reapEveryMillis;
        }
      }
    } catch (RuntimeException e) {
      if (running) {
        LOG.error("registry loop stopped by an unexpected error", e);
      }
    } finally {
      waiter.close();
      router.close();
    }
  }

  private void reap() {
    try {
      registry.reap();
    } catch (RuntimeException e) {
      // A store hiccup must not stop the registry; the next pass tries again.
      LOG.error("registry reaper pass failed; retrying next interval", e);
    }
  }

  private List<byte[]> receive() {
    byte[] first = router.recv(ZMQ.DONTWAIT);
    if (first == null) {
      return null;
    }
    List<byte[]> parts = new ArrayList<>(4);
    parts.add(first);
    while (router.hasReceiveMore()) {
      parts.add(router.recv(0));
    }
    return parts;
  }

  private void serve(List<byte[]> msg) {
    byte[] identity = msg.get(0);
    int start = 1;
    boolean req = msg.size() > 1 && msg.get(1).length == 0;
    if (req) {
      start = 2;
    }
    int frames = msg.size() - start;
    String requestId = "";
    byte[][] reply;
    try {
      if (frames != 2) {
        throw new ProtocolException(
            ErrorCode.MALFORMED_FRAME,
            "a registry request is two frames, a command and a JSON object (got " + frames + ")",
            "");
      }
      RegistryRequest r = RegistryCodec.decodeRequest(msg.get(start), msg.get(start + 1));
      requestId = r.requestId();
      counters.request(r.command());
      ObjectNode result = handler.handle(r);
      reply = RegistryCodec.encodeOk(requestId, result);
      if (reply[1].length > RegistryCodec.MAX_REPLY_BODY_BYTES) {
        // Only a listing with every schema document can grow this large; nothing was changed.
        throw new ProtocolException(
            ErrorCode.FRAME_TOO_LARGE,
            "the reply would be "
                + reply[1].length
                + " bytes; the limit is "
                + RegistryCodec.MAX_REPLY_BODY_BYTES
                + ": ask for less (one bus, or without documents)",
            "");
      }
    } catch (ProtocolException e) {
      reply = refuse(requestId, e.code(), e.getMessage(), e.offending());
    } catch (RegistryException e) {
      reply = refuse(requestId, e.code(), e.getMessage(), e.offending());
    } catch (RuntimeException e) {
      LOG.error("registry request failed unexpectedly", e);
      reply = refuse(requestId, ErrorCode.INTERNAL, "internal error: " + e, "");
    }
    send(identity, req, reply);
  }

  private byte[][] refuse(String requestId, ErrorCode code, String message, String offending) {
    counters.countRefusal(code);
    if (refusalLog.tryAcquire(
        System.currentTimeMillis(),
        n -> LOG.warn("{} more refused registry requests were not logged", n))) {
      LOG.atInfo()
          .addKeyValue("event", "REGISTRY_REQUEST_REFUSED")
          .addKeyValue("code", code.code())
          .addKeyValue("error", code.name())
          .addKeyValue("offending", offending)
          .log("registry refused a request: {} {}", code, message);
    }
    return RegistryCodec.encodeError(requestId, code, message, offending);
  }

  private void send(byte[] identity, boolean req, byte[][] reply) {
    // The ROUTER is mandatory-routing: a peer that vanished or stopped reading fails the first
    // frame, and then nothing else of the reply may go out, or it would start a new message.
    try {
      if (!router.send(identity, ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
        return;
      }
      if (req) {
        router.send(new byte[0], ZMQ.SNDMORE | ZMQ.DONTWAIT);
      }
      router.send(reply[0], ZMQ.SNDMORE | ZMQ.DONTWAIT);
      router.send(reply[1], ZMQ.DONTWAIT);
    } catch (ZMQException e) {
      LOG.debug("reply to a vanished registry peer dropped: {}", e.getMessage());
    }
  }

  /** Stops the loop and closes the socket. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    context.close();
  }
}
