package io.onex.bus.bench;

import org.zeromq.SocketType;
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
    pub = context.createSocket(SocketType.PUB);
    pub.setSndHWM(10_000_000);
    pub.setMaxMsgSize(1 << 20);
    pub.bind("tcp://127.0.0.1:*");
    String endpoint = pub.getLastEndpoint();
    java.util.concurrent.CountDownLatch joined = new java.util.concurrent.CountDownLatch(1);
    receiver =
        new Thread(
            () -> {
              ZMQ.Socket sub = context.createSocket(SocketType.SUB);
              sub.setRcvHWM(10_000_000);
              sub.setMaxMsgSize(1 << 20);
              sub.setReceiveTimeOut(100);
              sub.connect(endpoint);
              sub.subscribe(new byte[0]);
              while (running) {
                byte[] m = sub.recv(0);
                if (m == null) {
                  continue;
                }
                if (m.length == 1) {
                  joined.countDown(); // the join probe, not an event
                } else {
                  completion.received();
                }
              }
              sub.close();
            },
            "bench-jeromq-sub");
    receiver.start();
    awaitJoin(joined);
  }

  /** PUB/SUB's slow joiner: probe until the subscriber gets something. */
  private void awaitJoin(java.util.concurrent.CountDownLatch joined) {
    try {
      while (!joined.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        pub.send(new byte[] {0}, 0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
