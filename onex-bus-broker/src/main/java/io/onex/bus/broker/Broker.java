package io.onex.bus.broker;

import io.onex.bus.broker.loop.BrokerAgent;
import io.onex.bus.broker.stats.BrokerCounters;
import io.onex.bus.broker.stats.BrokerSnapshot;
import io.onex.bus.broker.stats.ConnectionView;
import io.onex.bus.broker.stats.TopicTotals;
import io.onex.bus.config.BusConfig;
import io.onex.bus.protocol.codec.EventRecord;
import io.onex.bus.protocol.codec.EventRecords;
import io.onex.bus.protocol.debug.DebugSettings;
import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.protocol.schema.TopicSchemaSet;
import io.onex.bus.protocol.topic.Topics;
import io.onex.bus.transport.PollIdleStrategy;
import io.onex.bus.transport.SocketLimits;
import io.onex.bus.transport.SocketWaiter;
import io.onex.bus.transport.Sockets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.concurrent.AgentRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * A running bus broker: binds the bus's ROUTER, runs its loop on its own thread ({@code
 * onex-broker-<bus>}) and stops it in order on {@link #close()}. Methods may be called from any
 * thread; they never touch the loop's state directly.
 */
public final class Broker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Broker.class);
  private static final long MAX_IDLE_BLOCK_MILLIS = 100;

  private final BusConfig config;
  private final ZContext context;
  private final String endpoint;
  private final BrokerCounters counters;
  private final AgentRunner runner;
  private final BrokerAgent agent;
  private final SocketWaiter waiter;
  private final AtomicLong loopErrors = new AtomicLong();
  private volatile boolean closed;

  private Broker(BusConfig config, Clock clock) {
    this.config = config;
    // More than one I/O thread: a fan-out's TCP writes to many subscribers are the broker's
    // heaviest work, and one thread serialised them (docs/config.md, limits.io_threads).
    this.context = new ZContext(config.limits().ioThreads());
    this.counters = new BrokerCounters();
    ZMQ.Socket router = Sockets.router(context, limits(config));
    try {
      router.bind(config.bindEndpoint());
    } catch (ZMQException e) {
      context.close();
      throw new BrokerStartException(
          "bus " + config.name() + " cannot bind " + config.bindEndpoint() + ": " + e.getMessage(),
          e);
    }
    this.endpoint = router.getLastEndpoint();
    this.waiter = new SocketWaiter(router);
    this.agent = new BrokerAgent(router, config, counters, clock);
    PollIdleStrategy idle =
        new PollIdleStrategy(
            max -> waiter.await(agent.hasBacklog() ? 1 : max), MAX_IDLE_BLOCK_MILLIS);
    this.runner = new AgentRunner(idle, this::onLoopError, null, agent);
  }

  /** Binds and starts the broker of one bus; throws {@link BrokerStartException} if it cannot. */
  public static Broker start(BusConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** As {@link #start(BusConfig)} with the clock the loop reads. */
  public static Broker start(BusConfig config, Clock clock) {
    Broker b = new Broker(config, clock);
    AgentRunner.startOnThread(b.runner, r -> named(r, "onex-broker-" + config.name()));
    return b;
  }

  private static Thread named(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(false);
    return t;
  }

  /** The bus name. */
  public String name() {
    return config.name();
  }

  public BusConfig config() {
    return config;
  }

  /** The endpoint clients connect to, with the port actually bound (e.g. tcp://127.0.0.1:40123). */
  public String endpoint() {
    return endpoint;
  }

  /** The port actually bound. */
  public int port() {
    return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
  }

  /** Totals as of the loop's last stats tick (at most 100 ms old). */
  public BrokerSnapshot snapshot() {
    return counters.latest();
  }

  /** Flow gauges of the subscriptions with the deepest queues (at most 200), once a second. */
  public List<io.onex.bus.broker.stats.SubscriptionView> subscriptionViews() {
    return counters.subscriptionViews();
  }

  /**
   * Routes an event that this process publishes on a system topic (a {@code $} topic no client may
   * publish on), such as the registry's events when it runs in the same JVM. The record is routed
   * on the loop's next turn, numbered and delivered like any event. Any thread.
   *
   * @param topic a system topic, e.g. {@code $onex.registry.lease.granted}
   * @param publisherNodeId the node id stamped on the delivery
   * @param onexEventJson the OnexEvent, as JSON
   */
  public void publishSystemEvent(
      String topic, String eventType, String publisherNodeId, byte[] onexEventJson) {
    if (!Topics.isSystem(topic)) {
      throw new IllegalArgumentException("not a system topic: " + topic);
    }
    byte[] record = EventRecords.encode(EventRecord.of(topic, eventType, null, onexEventJson));
    agent.offerSystemEvent(record, publisherNodeId.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Replaces the topic schemas this bus enforces with {@code schemas} (the registry's current
   * versions for this bus, at {@code revision}). They are compiled here, on the caller's thread;
   * one that cannot be compiled is left out with a WARN. The loop switches before its next event,
   * without a restart. Any thread.
   */
  public void updateSchemas(List<RegisteredSchema> schemas, long revision) {
    TopicSchemaSet set =
        TopicSchemaSet.of(
            schemas,
            revision,
            (r, why) ->
                LOG.atWarn()
                    .addKeyValue("bus", config.name())
                    .addKeyValue("topic", r.topic())
                    .addKeyValue("schema_version", r.version())
                    .log("ignored schema {} v{}: {}", r.topic(), r.version(), why));
    agent.offerSchemas(set);
  }

  /** The registry schema revision the loop enforces now (0 before any update). Any thread. */
  public long schemaRevision() {
    return agent.schemaRevision();
  }

  /**
   * Switches the bus's debug mode: events on the settings' topics are dumped to the log (capped,
   * redacted) from the loop's next turn; null turns it off. Any thread.
   */
  public void applyDebugSettings(DebugSettings settingsOrNull) {
    agent.offerDebugSettings(settingsOrNull);
  }

  /** Per-topic counts (up to the bus's topic cap, then {@code _other}), at most 100 ms old. */
  public List<TopicTotals> topicTotals() {
    return counters.topicTotals();
  }

  /** The connected nodes and their patterns, as of the loop's last second (at most 200). */
  public List<ConnectionView> connections() {
    return counters.connections();
  }

  /** Exceptions the loop survived (each logged); a healthy broker has none. */
  public long loopErrors() {
    return loopErrors.get();
  }

  /**
   * Stops the bus: BUS_STOPPED is published and logged, queued deliveries get up to the drain
   * timeout, every session gets BYE, then the socket and context close. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    long waitMillis = config.shutdown().drainTimeout().toMillis() + 5_000;
    runner.close(
        (int) Math.min(Integer.MAX_VALUE, waitMillis),
        t -> LOG.warn("{} did not stop in time", t.getName()));
    waiter.close();
    context.close();
  }

  private void onLoopError(Throwable t) {
    loopErrors.incrementAndGet();
    LOG.atError()
        .addKeyValue("event", "LOOP_ERROR")
        .addKeyValue("bus", config.name())
        .setCause(t)
        .log("broker loop of bus {} survived an error", config.name());
  }

  /**
   * Socket limits from the bus config. ZeroMQ's own message cap is twice the protocol's frame
   * limit: a frame between the two still reaches the loop and gets a FRAME_TOO_LARGE ERROR, and
   * only an absurd one is cut off at the transport without allocating it.
   */
  static SocketLimits limits(BusConfig config) {
    var l = config.limits();
    long hard = Math.min(Integer.MAX_VALUE, 2L * l.maxFrameBytes());
    return new SocketLimits(
        (int) hard,
        l.sendHwm(),
        l.recvHwm(),
        config.heartbeat().interval(),
        config.heartbeat().timeout(),
        java.time.Duration.ofSeconds(1));
  }
}
