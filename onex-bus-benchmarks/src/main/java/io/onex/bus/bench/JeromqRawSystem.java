package io.onex.bus.bench;

import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The floor: raw JeroMQ PUB→SUB with no broker, unbatched, one message per event. PUB drops at its
 * HWM, so both HWMs are raised to hold a whole burst. The receiving thread ({@code
 * bench-jeromq-sub}) owns the SUB socket; the harness thread owns the PUB.
 */
final class JeromqRawSystem implements BenchSystem {
  private final ZContext context = new ZContext(1);
  private final ZMQ.Socket pub;
  private final Thread receiver;
  private volatile Completion completion = new Completion(0);
  private volatile boolean running = true;

  JeromqRawSystem() {
    pub = RawPubSub.publisher(context);
    receiver =
        RawPubSub.subscribe(
            context,
            pub.getLastEndpoint(),
            "bench-jeromq-sub",
            () -> running,
            m -> completion.received(),
            pub);
  }

  @Override
  public String name() {
    return "jeromq-raw";
  }

  @Override
  public Measurement oneToOne(int size, int count) {
    byte[] payload = Payloads.of(size);
    Completion c = new Completion(count);
    completion = c;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      pub.send(payload, 0);
    }
    long received = c.await(2_000_000_000L);
    return new Measurement(received, c.lastReceiptNanos() - start, count - received);
  }

  @Override
  public void close() {
    running = false;
    try {
      receiver.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pub.close();
    context.close();
  }
}
