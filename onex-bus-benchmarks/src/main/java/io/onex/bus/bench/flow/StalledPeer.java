package io.onex.bus.bench.flow;

import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.transport.SocketLimits;
import io.onex.bus.transport.Sockets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A subscriber that never grants credit: a raw DEALER that says HELLO, subscribes with an initial
 * credit of 0, its own queue bound and drop-oldest, and from then on only reads (and discards)
 * whatever the broker sends and PINGs every 2 s so the broker keeps its session (the bus's
 * heartbeat timeout is 10 s by default). Its socket lives on a thread of its own, {@code
 * onex-bench-stalled}; {@link #close()} says BYE, so the broker frees the session and its queue.
 * Not the testing module's {@code RawPeer}: that module puts JUnit on the compile classpath, and
 * the benchmark ships inside the CLI jar.
 */
final class StalledPeer implements AutoCloseable {
  private static final long PING_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final int SUBSCRIBE_REF = 1;
  private static final int SUBSCRIPTION_ID = 1;

  private final String endpoint;
  private final String nodeId;
  private final String pattern;
  private final int queueSize;
  private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
  private final Thread thread;
  private volatile boolean stop;

  private StalledPeer(String endpoint, String nodeId, String pattern, int queueSize) {
    this.endpoint = endpoint;
    this.nodeId = nodeId;
    this.pattern = pattern;
    this.queueSize = queueSize;
    this.thread = new Thread(this::run, "onex-bench-stalled");
    thread.setDaemon(true);
  }

  /** Connects and returns once the broker acknowledged the subscription. */
  static StalledPeer subscribe(String endpoint, String nodeId, String pattern, int queueSize)
      throws Exception {
    StalledPeer p = new StalledPeer(endpoint, nodeId, pattern, queueSize);
    p.thread.start();
    try {
      p.subscribed.get(10, TimeUnit.SECONDS);
      return p;
    } catch (Exception e) {
      p.close();
      throw e;
    }
  }

  private void run() {
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket socket = Sockets.dealer(context, SocketLimits.DEFAULT);
      socket.connect(endpoint);
      socket.setReceiveTimeOut(250);
      if (!hello(socket)) {
        subscribed.completeExceptionally(new IllegalStateException("no WELCOME within 5 s"));
        return;
      }
      send(
          socket,
          new Frame.Subscribe(
              SUBSCRIBE_REF,
              SUBSCRIPTION_ID,
              pattern,
              queueSize,
              io.onex.bus.client.SubscribeOptions.DropPolicy.OLDEST.wireCode(),
              0,
              Map.of()));
      long lastPing = System.nanoTime();
      long nonce = 0;
      while (!stop) {
        byte[] bytes = socket.recv(0);
        if (bytes != null && !subscribed.isDone()) {
          Frame f = FrameCodec.decode(bytes);
          if (f instanceof Frame.Ack a && a.ref() == SUBSCRIBE_REF) {
            subscribed.complete(null);
          } else if (f instanceof Frame.Error e && e.ref() == SUBSCRIBE_REF) {
            subscribed.completeExceptionally(
                new IllegalStateException("subscription refused: " + e.message()));
            return;
          }
        }
        if (System.nanoTime() - lastPing > PING_NANOS) {
          send(socket, new Frame.Ping(++nonce));
          lastPing = System.nanoTime();
        }
      }
      send(socket, new Frame.Bye(0, "benchmark done"));
    } catch (ProtocolException | RuntimeException e) {
      subscribed.completeExceptionally(e);
    }
  }

  /** HELLO, repeated every 250 ms with the same hello_id until the WELCOME comes. */
  private boolean hello(ZMQ.Socket socket) throws ProtocolException {
    String helloId = Long.toHexString(System.nanoTime());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      send(socket, new Frame.Hello(nodeId, "onex-bench", "", Map.of("hello_id", helloId)));
      byte[] bytes = socket.recv(0);
      if (bytes != null && FrameCodec.decode(bytes) instanceof Frame.Welcome) {
        return true;
      }
    }
    return false;
  }

  private static void send(ZMQ.Socket socket, Frame f) {
    socket.send(FrameCodec.encode(f), 0);
  }

  @Override
  public void close() {
    stop = true;
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
