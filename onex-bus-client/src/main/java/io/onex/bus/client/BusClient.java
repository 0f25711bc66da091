package io.onex.bus.client;

import io.onex.bus.client.internal.BackpressureGate;
import io.onex.bus.client.internal.BackpressureSignal;
import io.onex.bus.client.internal.ClientAgent;
import io.onex.bus.client.internal.Dispatcher;
import io.onex.bus.client.internal.InFlight;
import io.onex.bus.client.internal.Outbound;
import io.onex.bus.client.internal.SubscribeFrames;
import io.onex.bus.client.internal.SubscriptionImpl;
import io.onex.bus.client.internal.TraceContext;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.EventRecords;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import io.onex.bus.protocol.schema.SchemaFailure;
import io.onex.bus.protocol.topic.Topics;
import io.onex.bus.transport.PollIdleStrategy;
import io.onex.bus.transport.SocketWaiter;
import io.onex.bus.transport.Sockets;
import io.onex.bus.transport.Waker;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.AgentRunner;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A node's connection to one bus over ZeroMQ: one DEALER owned by the I/O thread ({@code
 * onex-client-io-<node>}), handlers run on the dispatcher thread ({@code
 * onex-client-dispatch-<node>}). Every public method may be called from any thread: {@code publish}
 * encodes the event on the caller's thread and hands the bytes to the I/O thread through a bounded
 * queue.
 */
public final class BusClient implements EventBus {
  private static final long MAX_IDLE_BLOCK_MILLIS = 100;

  private final BusClientOptions options;
  private final ZContext context = new ZContext(1);
  private final Waker waker = new Waker();
  private final Map<Integer, SubscriptionImpl> subscriptions = new ConcurrentHashMap<>();
  private final Dispatcher dispatcher;
  private final ClientAgent agent;
  private final SocketWaiter waiter;
  private final BackpressureSignal backpressure = new BackpressureSignal();
  private final BackpressureGate gate;
  private final AgentRunner runner;
  private final Thread dispatchThread;
  private final AtomicInteger nextSubscriptionId = new AtomicInteger(1);
  private final InFlight inFlight = new InFlight();
  private volatile boolean closed;
  // The last topic that passed validation, compared by identity: publishers usually reuse one
  // String per topic. Racy on purpose: a String is immutable, so a thread that sees another's
  // value, or a stale one, at worst validates again.
  private String lastValidTopic;
  private Frame.Welcome welcome;

  private BusClient(BusClientOptions options) {
    this.options = options;
    ZMQ.Socket socket = Sockets.dealer(context, options.socketLimits());
    socket.connect(options.endpoint());
    this.dispatcher = new Dispatcher(options.inboundQueueCapacity(), subscriptions);
    this.agent =
        new ClientAgent(socket, options, dispatcher, subscriptions, inFlight, backpressure);
    this.gate = new BackpressureGate(backpressure, options);
    this.waiter = new SocketWaiter(socket, waker.channel());
    PollIdleStrategy idle = new PollIdleStrategy(this::blockingPoll, MAX_IDLE_BLOCK_MILLIS);
    this.runner = new AgentRunner(idle, t -> {}, null, agent);
    this.dispatchThread = new Thread(dispatcher, "onex-client-dispatch-" + options.nodeId());
    dispatchThread.setDaemon(true);
  }

  /** Connects and waits for the bus's WELCOME; throws {@link BusConnectException} otherwise. */
  public static BusClient connect(BusClientOptions options) {
    BusClient c = new BusClient(options);
    c.dispatchThread.start();
    AgentRunner.startOnThread(c.runner, r -> daemon(r, "onex-client-io-" + options.nodeId()));
    try {
      c.welcome = c.agent.welcome().get(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
      if (options.metrics() != null) {
        c.dispatcher.measureLatency(options.metrics().forBus(c.welcome.busName()));
      }
      return c;
    } catch (TimeoutException e) {
      c.close();
      throw new BusConnectException(
          "no answer from " + options.endpoint() + " within " + options.connectTimeout());
    } catch (ExecutionException e) {
      c.close();
      throw new BusConnectException("the bus refused the session: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.close();
      throw new BusConnectException("interrupted while connecting");
    }
  }

  /**
   * Finds bus {@code busName} through the registry and connects to it with {@code options}, whose
   * endpoint is set to the one the registry gives.
   *
   * @throws RegistryCallException when the registry does not know the bus or does not answer
   */
  public static BusClient connect(
      RegistryClient registry, String busName, BusClientOptions.Builder options) {
    return connect(options.endpoint(registry.busEndpoint(busName)).build());
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void blockingPoll(long millis) {
    waker.armed();
    long timeout = agent.pollTimeoutMillis(millis);
    if (timeout > 0) {
      waiter.await(timeout);
    }
    waker.disarm();
  }

  public String nodeId() {
    return options.nodeId();
  }

  /** The WELCOME of the session: bus name, limits, broker clock. */
  public Frame.Welcome welcome() {
    return welcome;
  }

  /**
   * True while the session with the bus is open and the bus answers; false after it said BYE, went
   * silent for the heartbeat timeout or forgot the session. The client keeps saying HELLO to the
   * same endpoint, so a bus that comes back there is rejoined (subscriptions restored) and this
   * turns true again; a caller that can find the bus elsewhere may close this client instead.
   */
  public boolean isConnected() {
    return agent.connected();
  }

  /**
   * Sessions this client has opened with the bus: 1 after connecting, one more each time it
   * rejoined a restarted bus (even one so quick that {@link #isConnected()} never looked false).
   */
  public int sessionsOpened() {
    return agent.sessionsOpened();
  }

  /** Exceptions thrown by handlers so far (each logged). */
  public long handlerErrors() {
    return dispatcher.handlerErrors();
  }

  @Override
  public CompletableFuture<PublishResult> publish(String topic, OnexEvent event, PublishOptions o) {
    OnexEvent e = CorrelationIds.ensure(event, o);
    return publishEncoded(topic, e.eventType(), e.correlationId(), OnexEventJson.write(e), o);
  }

  /**
   * Publishes an OnexEvent that is already JSON (for example produced by a Python node, or
   * forwarded), sent as is. {@code eventType} and {@code correlationId} go into the routing header
   * and must match the JSON; the bus does not parse it to check. The trace context of {@code o}
   * (else the caller's current one) travels in the record's extensions.
   */
  public CompletableFuture<PublishResult> publishEncoded(
      String topic, String eventType, String correlationId, byte[] json, PublishOptions o) {
    PublishResult refused = refusal(topic, eventType, correlationId, json);
    if (refused != null) {
      return CompletableFuture.completedFuture(refused);
    }
    CompletableFuture<PublishResult> result = new CompletableFuture<>();
    inFlight.started();
    enqueue(new Outbound.Event(record(topic, eventType, correlationId, json, o), result), result);
    return result;
  }

  /**
   * Publishes like {@link #publishEncoded} but asks for no result: no future is made or completed,
   * which is what a NATS core {@code publish} or a Kafka {@code send} without callback costs. The
   * event is checked and encoded on the caller's thread as usual, and goes into the same PUBLISH
   * batches, so order with other publishes holds. Returns false when it was refused before leaving
   * this process (client closed, invalid topic, client-side schema check, backpressure policy, the
   * outbound queue full for the publish timeout); what the bus rejects later (an ERROR for it), or
   * what is lost with the connection or at close before the bus answered, is counted in {@link
   * #rejectedWithoutResult()} and logged, at most a few lines a second. {@link #close()} waits for
   * these events too.
   */
  public boolean publishEncodedNoResult(
      String topic, String eventType, String correlationId, byte[] json, PublishOptions o) {
    if (refusal(topic, eventType, correlationId, json) != null) {
      return false;
    }
    inFlight.started();
    return enqueue(
        new Outbound.Event(record(topic, eventType, correlationId, json, o), null), null);
  }

  /**
   * Events published with {@link #publishEncodedNoResult} that the bus rejected or that were lost
   * before it answered (each also logged, rate-limited). Any thread.
   */
  public long rejectedWithoutResult() {
    return agent.rejectedWithoutResult();
  }

  /** Why an event may not be sent at all, checked on the publishing thread; null if it may. */
  private PublishResult refusal(String topic, String eventType, String correlationId, byte[] json) {
    if (closed) {
      return PublishResult.notSent("client is closed");
    }
    if (topic != lastValidTopic) {
      try {
        Topics.validateLiteral(topic);
      } catch (ProtocolException e) {
        return PublishResult.notSent(e.code() + ": " + e.getMessage());
      }
      lastValidTopic = topic;
    }
    SchemaFailure invalid = options.schemaValidation().check(topic, eventType, correlationId, json);
    if (invalid != null) {
      return PublishResult.rejectedBySchema(
          invalid, new String(json, 0, Math.min(json.length, 120), StandardCharsets.UTF_8));
    }
    return gate.admit(topic);
  }

  private static byte[] record(
      String topic, String eventType, String correlationId, byte[] json, PublishOptions o) {
    return EventRecords.encode(
        topic,
        eventType,
        correlationId,
        o.tags(),
        TraceContext.extensions(o.effectiveTraceContext()),
        json);
  }

  @Override
  public Subscription subscribe(SubscribeOptions o, EventHandler handler) {
    SubscriptionImpl s =
        new SubscriptionImpl(
            nextSubscriptionId.getAndIncrement(), o, handler, this::unsubscribe, this::grantCredit);
    if (closed) {
      s.ready().completeExceptionally(new IllegalStateException("client is closed"));
      return s;
    }
    subscriptions.put(s.id(), s);
    int ref = SubscribeFrames.nextRef();
    agent.expectSubscribeAck(ref, s);
    enqueue(new Outbound.Control(SubscribeFrames.of(ref, s)), null);
    return s;
  }

  /** Dispatcher thread: the handler consumed {@code n} events; the broker may send as many more. */
  private void grantCredit(int subscriptionId, int n) {
    if (!closed) {
      enqueue(new Outbound.Control(new Frame.Credit(subscriptionId, n)), null);
    }
  }

  private void unsubscribe(SubscriptionImpl s) {
    subscriptions.remove(s.id());
    if (!closed) {
      enqueue(new Outbound.Control(new Frame.Unsubscribe(SubscribeFrames.nextRef(), s.id())), null);
    }
  }

  /**
   * Offers work to the I/O thread, waiting up to the publish timeout for room; false (and {@code
   * result}, if any, completed NOT_SENT) when there was none.
   */
  private boolean enqueue(Outbound item, CompletableFuture<PublishResult> result) {
    long deadline = System.nanoTime() + options.publishTimeout().toNanos();
    while (!agent.outbound().offer(item)) {
      if (System.nanoTime() > deadline || closed) {
        if (item instanceof Outbound.Event) {
          inFlight.done(1);
        }
        if (result != null) {
          result.complete(
              PublishResult.notSent("outbound queue full for " + options.publishTimeout()));
        }
        return false;
      }
      waker.wake();
      LockSupport.parkNanos(50_000);
    }
    waker.wake();
    return true;
  }

  /**
   * Waits up to the close timeout for queued publishes to be answered, says BYE, stops both threads
   * and closes the socket. Publishes still unanswered complete NOT_SENT. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    long deadline = System.nanoTime() + options.closeTimeout().toNanos();
    while (inFlight.count() > 0 && System.nanoTime() < deadline && welcome != null) {
      LockSupport.parkNanos(1_000_000);
    }
    closed = true;
    runner.close();
    dispatcher.stop();
    try {
      dispatchThread.join(options.closeTimeout().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    waiter.close();
    context.close();
    waker.close();
  }
}
