package io.onex.bus.bench.flow;

import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Frame;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.zeromq.ZContext;

/**
 * A subscriber that never grants credit: a raw DEALER that says HELLO, subscribes with an initial
 * credit of 0, its own queue bound and drop-oldest, and from then on only reads (and discards)
 * whatever the broker sends and PINGs every 2 s so the broker keeps its session (the bus's
 * heartbeat timeout is 10 s by default). Its socket lives on a thread of its own, {@code
 * onex-bench-stalled}; {@link #close()} says BYE, so the broker frees the session and its queue.
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
      RawSession session = RawSession.open(context, endpoint, nodeId);
      session.send(
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
        Frame f = session.receive();
        if (f != null && !subscribed.isDone()) {
          if (f instanceof Frame.Ack a && a.ref() == SUBSCRIBE_REF) {
            subscribed.complete(null);
          } else if (f instanceof Frame.Error e && e.ref() == SUBSCRIBE_REF) {
            subscribed.completeExceptionally(
                new IllegalStateException("subscription refused: " + e.message()));
            return;
          }
        }
        if (System.nanoTime() - lastPing > PING_NANOS) {
          session.send(new Frame.Ping(++nonce));
          lastPing = System.nanoTime();
        }
      }
      session.bye("benchmark done");
    } catch (ProtocolException | RuntimeException e) {
      subscribed.completeExceptionally(e);
    }
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
