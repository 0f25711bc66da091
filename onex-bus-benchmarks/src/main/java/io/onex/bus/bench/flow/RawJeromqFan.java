package io.onex.bus.bench.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The floor for the latency scenario: raw JeroMQ PUB→SUB, no broker, one message per event, as two
 * processes would run it: the publisher's socket in a context of its own, each subscriber's in
 * another, each with its receiving thread ({@code bench-raw-sub-<id>}). HWMs are raised so PUB does
 * not drop a burst. One sender only (PUB binds; the harness thread owns it, subscribers connect
 * before it sends).
 */
final class RawJeromqFan extends FanSystem {
  private final ZContext publisherContext = new ZContext(1);
  private final ZMQ.Socket pub;
  private final String endpoint;
  private final List<ZContext> subscriberContexts = new ArrayList<>();
  private final List<Thread> receivers = new ArrayList<>();
  private volatile boolean running = true;
  private boolean senderGiven;

  RawJeromqFan() {
    pub = publisherContext.createSocket(SocketType.PUB);
    pub.setSndHWM(10_000_000);
    pub.setMaxMsgSize(1 << 20);
    pub.bind("tcp://127.0.0.1:*");
    endpoint = pub.getLastEndpoint();
  }

  @Override
  String name() {
    return "jeromq-raw";
  }

  @Override
  Sender sender(String id) {
    if (senderGiven) {
      throw new UnsupportedOperationException("raw JeroMQ runs with one publisher only");
    }
    senderGiven = true;
    return new Sender() {
      @Override
      public void send(byte[] payload) {
        pub.send(payload, 0);
      }

      @Override
      public void flush() {}
    };
  }

  @Override
  void subscribe(String id, Tally tally, LatencySink stamps) throws Exception {
    ZContext context = new ZContext(1);
    subscriberContexts.add(context);
    CountDownLatch joined = new CountDownLatch(1);
    Thread t =
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
                  continue;
                }
                if (stamps != null) {
                  stamps.received(m);
                }
                tally.received();
              }
              sub.close();
            },
            "bench-raw-sub-" + id);
    receivers.add(t);
    t.start();
    // PUB/SUB's slow joiner: probe until this subscriber hears the publisher.
    while (!joined.await(20, TimeUnit.MILLISECONDS)) {
      pub.send(new byte[] {0}, 0);
    }
  }

  @Override
  public void close() {
    running = false;
    for (Thread t : receivers) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pub.close();
    publisherContext.close();
    subscriberContexts.forEach(ZContext::close);
  }
}
