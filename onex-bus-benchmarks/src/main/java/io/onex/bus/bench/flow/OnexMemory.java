package io.onex.bus.bench.flow;

import io.onex.bus.client.SubscribeOptions;
import io.onex.bus.protocol.codec.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.zeromq.ZContext;

/**
 * The onex side of the memory scenario: a broker in this JVM and {@code clients} {@link
 * RawSession}s. The subscribers are bare DEALERs, not {@code BusClient}s, so that what a
 * subscription costs on the client side (its handler, its dispatcher state) does not count: after
 * the ACK, only the broker holds anything. Subscriptions ask for the client's default credit window
 * and the bus's queue bound, as a {@code BusClient} would. Harness thread only.
 */
final class OnexMemory implements MemorySystem {
  /** Subscriptions sent before their ACKs are awaited (the replies must not pile up unread). */
  private static final int IN_FLIGHT = 256;

  private final BenchBus bus;
  private final ZContext context = new ZContext(1);
  private final List<RawSession> peers = new ArrayList<>();
  private int held;
  private long nonce;

  OnexMemory(int clients) throws Exception {
    bus = new BenchBus();
    try {
      for (int i = 0; i < clients; i++) {
        peers.add(RawSession.open(context, bus.broker.endpoint(), "bench-memory-" + i));
      }
    } catch (Exception | Error e) {
      close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "onex";
  }

  @Override
  public String measure() {
    return "heap-after-gc";
  }

  @Override
  public void subscribeUpTo(int total) throws Exception {
    while (held < total) {
      int from = held;
      int to = Math.min(total, from + IN_FLIGHT);
      for (int j = from; j < to; j++) {
        peer(j)
            .send(
                new Frame.Subscribe(
                    j + 1,
                    j + 1,
                    MemorySystem.pattern(j),
                    0,
                    SubscribeOptions.DropPolicy.OLDEST.wireCode(),
                    SubscribeOptions.DEFAULT_CREDIT_WINDOW,
                    Map.of()));
      }
      for (int j = from; j < to; j++) {
        peer(j).awaitAck(j + 1);
      }
      held = to;
    }
  }

  private RawSession peer(int subscription) {
    return peers.get(subscription % peers.size());
  }

  @Override
  public long bytes() throws Exception {
    // A PING round per session first: the broker reaps sessions silent for 10 s.
    for (RawSession p : peers) {
      p.ping(++nonce);
    }
    return HeapMeter.liveBytes();
  }

  @Override
  public long serverSubscriptions() {
    LockSupport.parkNanos(BenchBus.SNAPSHOT_SETTLE_NANOS);
    return bus.broker.snapshot().subscriptions();
  }

  @Override
  public void close() {
    for (RawSession p : peers) {
      p.bye("benchmark done");
    }
    context.close();
    bus.close();
  }
}
