package io.onex.bus.jmh;

import io.onex.bus.broker.loop.BrokerAgent;
import io.onex.bus.broker.stats.BrokerCounters;
import io.onex.bus.config.BusConfig;
import io.onex.bus.config.ConfigException;
import io.onex.bus.config.ConfigLoader;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.transport.SocketLimits;
import io.onex.bus.transport.Sockets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The broker's loop without its thread or TCP: a {@link BrokerAgent} on a ROUTER bound to an {@code
 * inproc://} endpoint, one publishing DEALER and N subscribing DEALERs, all driven by the caller's
 * thread. {@link #routeOneBatch} is one loop pass: the PUBLISH frame is read, its events routed and
 * the DELIVER batches and the ACK flushed, then each DEALER takes its frame. The loop's clock
 * stands still, so no session is ever reaped for silence and the timers run once. One thread only
 * (the one that created it).
 */
public final class InProcessLoop implements AutoCloseable {
  private static final AtomicInteger ENDPOINTS = new AtomicInteger();
  private static final int MAX_PASSES = 10_000;

  private final ZContext context = new ZContext(1);
  private final BrokerAgent agent;
  private final ZMQ.Socket publisher;
  private final List<ZMQ.Socket> subscribers = new ArrayList<>();

  /** A loop with {@code subscriberCount} sessions subscribed to {@code pattern}, credit off. */
  public InProcessLoop(int subscriberCount, String pattern)
      throws ConfigException, ProtocolException {
    BusConfig config =
        ConfigLoader.parse(
                "buses:\n  - name: jmh\n    host: 127.0.0.1\n    port: 0\n"
                    + "    queue: {size: 10000000}\n",
                "jmh")
            .buses()
            .get(0);
    ZMQ.Socket router = Sockets.router(context, SocketLimits.DEFAULT);
    String endpoint = "inproc://onex-jmh-" + ENDPOINTS.incrementAndGet();
    router.bind(endpoint);
    agent =
        new BrokerAgent(
            router,
            config,
            new BrokerCounters(),
            Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));
    agent.onStart();
    publisher = connect(endpoint, "jmh-publisher");
    for (int i = 0; i < subscriberCount; i++) {
      ZMQ.Socket s = connect(endpoint, "jmh-subscriber-" + i);
      s.send(
          FrameCodec.encode(
              new Frame.Subscribe(1, 1, pattern, 0, 1, Frame.Subscribe.UNLIMITED_CREDIT, Map.of())),
          0);
      if (!(await(s) instanceof Frame.Ack)) {
        throw new IllegalStateException("subscription refused");
      }
      subscribers.add(s);
    }
  }

  private ZMQ.Socket connect(String endpoint, String nodeId) throws ProtocolException {
    ZMQ.Socket s = Sockets.dealer(context, SocketLimits.DEFAULT);
    s.connect(endpoint);
    s.send(
        FrameCodec.encode(new Frame.Hello(nodeId, "onex-jmh", "", Map.of("hello_id", nodeId))), 0);
    if (!(await(s) instanceof Frame.Welcome)) {
      throw new IllegalStateException("no WELCOME for " + nodeId);
    }
    return s;
  }

  /** Runs loop passes until {@code s} has a frame. */
  private Frame await(ZMQ.Socket s) throws ProtocolException {
    return FrameCodec.decode(take(s));
  }

  private byte[] take(ZMQ.Socket s) {
    for (int i = 0; i < MAX_PASSES; i++) {
      byte[] b = s.recv(ZMQ.DONTWAIT);
      if (b != null) {
        return b;
      }
      agent.doWork();
    }
    throw new IllegalStateException("no frame after " + MAX_PASSES + " loop passes");
  }

  /**
   * Publishes {@code frame}, runs one loop pass and takes every subscriber's DELIVER frame and the
   * ACK. Returns the bytes delivered, so nothing is optimized away.
   */
  public long routeOneBatch(byte[] frame) {
    publisher.send(frame, 0);
    agent.doWork();
    long bytes = 0;
    for (ZMQ.Socket s : subscribers) {
      bytes += take(s).length;
    }
    take(publisher);
    return bytes;
  }

  /** Decodes one subscriber's next frame (for the tests). */
  Frame.Deliver nextDelivery(int subscriber) throws ProtocolException {
    return (Frame.Deliver) await(subscribers.get(subscriber));
  }

  void publish(byte[] frame) {
    publisher.send(frame, 0);
  }

  Frame nextReply() throws ProtocolException {
    return await(publisher);
  }

  @Override
  public void close() {
    agent.onClose();
    context.close();
  }
}
