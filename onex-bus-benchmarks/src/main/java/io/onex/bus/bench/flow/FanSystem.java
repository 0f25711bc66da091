package io.onex.bus.bench.flow;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.PublishOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A system the fan-out, fan-in and latency scenarios run on, onex or NATS, each with one topic
 * (subject) and as many publishing and subscribing connections as a scenario asks for: every {@link
 * #sender} and every {@link #subscribe} opens a connection of its own. onex: a {@link BenchBus}
 * broker in this JVM and {@code BusClient}s (defaults, {@code publishEncoded}); NATS: jnats
 * connections to the local {@code nats-server}, subscribers' pending limits raised as in the 1→1
 * scenario. Setup and close: harness thread; a sender: one thread at a time.
 */
abstract class FanSystem implements AutoCloseable {
  static final String TOPIC = "bench.fan";

  /** One publishing connection. */
  interface Sender {
    void send(byte[] payload);

    /** Returns once what was sent has left this process (NATS); onex needs nothing. */
    void flush() throws Exception;
  }

  abstract String name();

  abstract Sender sender(String id) throws Exception;

  /**
   * Subscribes a new connection to {@link #TOPIC}, counting every event in {@code tally} and, when
   * {@code stamps} is not null, recording its latency there first; returns once the subscription is
   * in place.
   */
  abstract void subscribe(String id, Tally tally, LatencySink stamps) throws Exception;

  @Override
  public abstract void close();

  static FanSystem onex() throws Exception {
    return new Onex();
  }

  static FanSystem nats(String url) {
    return new NatsFan(url);
  }

  /** Raw JeroMQ PUB→SUB without a broker; one sender only (the latency scenario's floor). */
  static FanSystem rawJeromq() {
    return new RawJeromqFan();
  }

  private static final class Onex extends FanSystem {
    private final BenchBus bus;
    private final List<BusClient> clients = new ArrayList<>();

    Onex() throws Exception {
      bus = new BenchBus();
    }

    @Override
    String name() {
      return "onex";
    }

    @Override
    Sender sender(String id) {
      BusClient c = bus.client(id);
      clients.add(c);
      return new Sender() {
        @Override
        public void send(byte[] payload) {
          c.publishEncodedNoResult(TOPIC, "BENCH", null, payload, PublishOptions.NONE);
        }

        @Override
        public void flush() {}
      };
    }

    @Override
    void subscribe(String id, Tally tally, LatencySink stamps) throws Exception {
      BusClient c = bus.client(id);
      clients.add(c);
      c.subscribe(
              TOPIC,
              e -> {
                if (stamps != null) {
                  // A copy of the payload: only when the stamp is read.
                  stamps.received(e.payload(), e.brokerTimeMicros());
                }
                tally.received();
              })
          .ready()
          .get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      clients.forEach(BusClient::close);
      bus.close();
    }
  }

  private static final class NatsFan extends FanSystem {
    private final String url;
    private final List<Connection> connections = new ArrayList<>();

    NatsFan(String url) {
      this.url = url;
    }

    private Connection connect() throws Exception {
      Connection c = Nats.connect(new Options.Builder().server(url).noReconnect().build());
      connections.add(c);
      return c;
    }

    @Override
    String name() {
      return "nats";
    }

    @Override
    Sender sender(String id) throws Exception {
      Connection c = connect();
      return new Sender() {
        @Override
        public void send(byte[] payload) {
          c.publish(TOPIC, payload);
        }

        @Override
        public void flush() throws Exception {
          c.flush(Duration.ofSeconds(30));
        }
      };
    }

    @Override
    void subscribe(String id, Tally tally, LatencySink stamps) throws Exception {
      Connection c = connect();
      Dispatcher d =
          c.createDispatcher(
              m -> {
                if (stamps != null) {
                  stamps.received(m.getData());
                }
                tally.received();
              });
      d.setPendingLimits(50_000_000, 4L << 30);
      d.subscribe(TOPIC);
      c.flush(Duration.ofSeconds(5));
    }

    @Override
    public void close() {
      try {
        for (Connection c : connections) {
          c.close();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
