package io.onex.bus.bench.flow;

import io.onex.bus.bench.RawPubSub;
import java.util.ArrayList;
import java.util.List;
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
    pub = RawPubSub.publisher(publisherContext);
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
  void subscribe(String id, Tally tally, LatencySink stamps) {
    ZContext context = new ZContext(1);
    subscriberContexts.add(context);
    receivers.add(
        RawPubSub.subscribe(
            context,
            endpoint,
            "bench-raw-sub-" + id,
            () -> running,
            m -> {
              if (stamps != null) {
                stamps.received(m);
              }
              tally.received();
            },
            pub));
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
