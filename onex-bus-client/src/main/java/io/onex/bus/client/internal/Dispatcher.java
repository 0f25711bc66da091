package io.onex.bus.client.internal;

import io.onex.bus.client.ReceivedEvent;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Delivery;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
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
  private final Map<Integer, SubscriptionImpl> subscriptions;
  private final AtomicLong handlerErrors = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private volatile boolean running = true;

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

  private void dispatch(byte[] bytes) {
    Frame.Deliver d;
    try {
      d = (Frame.Deliver) FrameCodec.decode(bytes);
    } catch (ProtocolException | ClassCastException e) {
      LOG.warn("dropped an undecodable DELIVER frame: {}", e.getMessage());
      return;
    }
    for (Delivery x : d.deliveries()) {
      SubscriptionImpl s = subscriptions.get(x.subscriptionId());
      if (s == null) {
        continue;
      }
      try {
        s.dispatch(new ReceivedEvent(x));
        delivered.incrementAndGet();
      } catch (RuntimeException e) {
        handlerErrors.incrementAndGet();
        LOG.warn("handler of subscription {} ({}) threw", s.id(), s.pattern(), e);
      }
    }
  }
}
