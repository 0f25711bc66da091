package io.onex.bus.bench;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;

/**
 * NATS, the peer we measure against: a publishing and a subscribing jnats connection to a local
 * {@code nats-server}, the subscriber's pending limits raised so a burst is measured rather than
 * cut off as a slow consumer (the same courtesy onex gets). Harness thread only.
 */
final class NatsSystem implements BenchSystem {
  private static final String SUBJECT = "bench.events";
  private final Connection publisher;
  private final Connection subscriber;
  private volatile Completion completion = new Completion(0);

  NatsSystem(String url) throws Exception {
    publisher = Nats.connect(options(url));
    subscriber = Nats.connect(options(url));
    Dispatcher d = subscriber.createDispatcher(m -> completion.received());
    d.setPendingLimits(50_000_000, 4L << 30);
    d.subscribe(SUBJECT);
    subscriber.flush(Duration.ofSeconds(5));
  }

  private static Options options(String url) {
    return new Options.Builder().server(url).noReconnect().build();
  }

  @Override
  public String name() {
    return "nats";
  }

  @Override
  public Measurement oneToOne(int size, int count) throws Exception {
    byte[] payload = Payloads.of(size);
    Completion c = new Completion(count);
    completion = c;
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      publisher.publish(SUBJECT, payload);
    }
    publisher.flush(Duration.ofSeconds(30));
    long received = c.await(2_000_000_000L);
    return new Measurement(received, c.lastReceiptNanos() - start, count - received);
  }

  @Override
  public void close() {
    try {
      subscriber.close();
      publisher.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
