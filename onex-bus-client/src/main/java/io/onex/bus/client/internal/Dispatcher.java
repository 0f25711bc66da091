package io.onex.bus.client.internal;

import io.onex.bus.client.ClientMetrics;
import io.onex.bus.client.Gap;
import io.onex.bus.client.ReceivedEvent;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Command;
import io.onex.bus.protocol.codec.EventRecordView;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.protocol.codec.WireReader;
import io.onex.bus.transport.RateLimitedLog;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher thread ({@code onex-client-dispatch-<node>}): decodes DELIVER frames handed over
 * by the I/O thread and runs each subscription's handler, in bus order. A handler that throws is
 * logged and counted and the next event goes on. {@link #offer} is called by the I/O thread, the
 * rest by the dispatcher thread.
 */
public final class Dispatcher implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

  private final BlockingQueue<byte[]> inbound;
  private final EventRecordView view = new EventRecordView();
  private final Map<Integer, SubscriptionImpl> subscriptions;
  private final AtomicLong handlerErrors = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private volatile boolean running = true;
  private final RateLimitedLog gapLog = new RateLimitedLog(10, 1000);
  // Set once the bus is known (WELCOME); null = no metrics, and deliveries pay nothing.
  private volatile ClientMetrics.DeliveryLatency latency;

  public Dispatcher(int capacity, Map<Integer, SubscriptionImpl> subscriptions) {
    this.inbound = new ArrayBlockingQueue<>(capacity);
    this.subscriptions = subscriptions;
  }

  /** I/O thread: hands over one DELIVER frame; false when the queue is full. */
  public boolean offer(byte[] deliverFrame) {
    return inbound.offer(deliverFrame);
  }

  public boolean hasRoom() {
    return inbound.remainingCapacity() > 0;
  }

  public long handlerErrors() {
    return handlerErrors.get();
  }

  public long delivered() {
    return delivered.get();
  }

  /** Any thread: records each delivery's latency in {@code l} from now on. */
  public void measureLatency(ClientMetrics.DeliveryLatency l) {
    latency = l;
  }

  public void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      try {
        byte[] frame = inbound.poll(100, TimeUnit.MILLISECONDS);
        if (frame != null) {
          dispatch(frame);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Walks a DELIVER frame in place: each delivery becomes a {@link ReceivedEvent} window on the
   * frame, so nothing is decoded or copied unless a handler asks. A frame that does not parse is
   * logged and dropped (the broker that sent it is broken, not this client).
   */
  private void dispatch(byte[] frame) {
    if (frame.length > 1 && (frame[1] & 0xFF) == Command.GAP.code()) {
      gap(frame);
      return;
    }
    try {
      WireReader r = new WireReader(frame);
      r.skip(2);
      int count = r.u16();
      for (int i = 0; i < count; i++) {
        int sub = r.u32();
        long seq = r.u64();
        long time = r.u64();
        int nodeLength = r.u8();
        int nodeOffset = r.position();
        r.skip(nodeLength);
        view.wrap(frame, r.position(), frame.length);
        r.skip(view.recordLength());
        ClientMetrics.DeliveryLatency l = latency;
        if (l != null) {
          l.observeSince(time);
        }
        deliver(new ReceivedEvent(frame, sub, seq, time, nodeOffset, nodeLength, view), sub);
      }
    } catch (ProtocolException e) {
      LOG.warn("dropped an undecodable DELIVER frame: {}", e.getMessage());
    }
  }

  private void gap(byte[] frame) {
    try {
      Frame.Gap g = (Frame.Gap) FrameCodec.decode(frame);
      SubscriptionImpl s = subscriptions.get(g.subscriptionId());
      if (s == null) {
        return;
      }
      if (gapLog.tryAcquire(
          System.currentTimeMillis(), n -> LOG.warn("{} more GAP markers were not logged", n))) {
        LOG.atWarn()
            .addKeyValue("event", "EVENT_DROPPED")
            .addKeyValue("subscription", s.id())
            .addKeyValue("pattern", s.pattern())
            .addKeyValue("lost", g.lost())
            .addKeyValue("first_sequence", g.firstSequence())
            .addKeyValue("last_sequence", g.lastSequence())
            .log(
                "subscription {} ({}) lost {} events, sequences {}..{}",
                s.id(),
                s.pattern(),
                g.lost(),
                g.firstSequence(),
                g.lastSequence());
      }
      s.gap(new Gap(g.subscriptionId(), g.lost(), g.firstSequence(), g.lastSequence()));
    } catch (ProtocolException | RuntimeException e) {
      LOG.warn("dropped an undecodable or unhandled GAP frame: {}", e.toString());
    }
  }

  private void deliver(ReceivedEvent e, int subscriptionId) {
    SubscriptionImpl s = subscriptions.get(subscriptionId);
    if (s == null) {
      return;
    }
    try {
      s.dispatch(e);
      // Only this thread writes it: a release store, not a locked read-modify-write.
      delivered.lazySet(delivered.get() + 1);
    } catch (RuntimeException ex) {
      handlerErrors.incrementAndGet();
      LOG.warn("handler of subscription {} ({}) threw", s.id(), s.pattern(), ex);
    }
  }
}
