package io.onex.bus.client.internal;

import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.PublishResult;
import io.onex.bus.client.SubscriptionRejectedException;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Command;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.protocol.codec.WireWriter;
import io.onex.bus.transport.Sockets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.Agent;
import org.jctools.queues.MpscArrayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * The client's I/O loop ({@code onex-client-io-<node>}), the only code that touches its DEALER.
 * Each pass reads what the broker sent (DELIVER frames go to the dispatcher, ACK/ERROR complete
 * futures), then packs whatever application threads queued into as few PUBLISH frames as the
 * session's limits allow: natural batching, no waiting to fill a batch. It PINGs when idle and,
 * when a restarted broker answers HELLO_REQUIRED, says HELLO again and re-subscribes. Only the
 * AgentRunner's thread calls it, except {@link #outbound()} and {@link #welcome()}.
 */
public final class ClientAgent implements Agent {
  private static final Logger LOG = LoggerFactory.getLogger(ClientAgent.class);
  private static final int READ_BUDGET = 256;
  private static final int FRAME_HEADROOM = 64;

  /**
   * A PUBLISH batch holds at most this many bytes (or the session's frame limit, if lower); a
   * single event larger than this goes alone. Batches used to grow to the 1 MiB frame limit in a
   * burst; past 512 KiB the batch buffer can no longer be handed to ZeroMQ as it is ({@link
   * WireWriter#handOver}), so every frame was copied once more. At 256 KiB the buffer is handed
   * over, and the broker's pinned frames are released in smaller pieces.
   */
  static final int PUBLISH_BATCH_BYTES = 256 * 1024;

  private static final String HELLO_ID_KEY = "hello_id";

  /**
   * ZeroMQ can lose a message sent while a connection is being set up (seen with JeroMQ 0.6.0 in
   * about 1 of 100 fresh connections), so HELLO is repeated, with the same hello_id, until a
   * WELCOME arrives.
   */
  private static final long HELLO_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final ZMQ.Socket socket;
  private final BusClientOptions options;
  // Lock-free for the publishing threads: with a lock, publisher and I/O thread handed the lock
  // back and forth per event (a quarter of the publishing thread's time in a 1->1 burst).
  private final MpscArrayQueue<Outbound> outbound;
  private final Dispatcher dispatcher;
  private final Map<Integer, SubscriptionImpl> subscriptions;
  private final Map<Integer, SubscriptionImpl> awaitingSubscribeAck = new ConcurrentHashMap<>();
  private final PendingPublishes pending;
  private final InFlight inFlight;
  private final BackpressureSignal backpressure;
  private final CompletableFuture<Frame.Welcome> welcome = new CompletableFuture<>();
  private final ArrayDeque<byte[]> unsent = new ArrayDeque<>();
  private final WireWriter batch = new WireWriter(64 * 1024);
  private List<CompletableFuture<PublishResult>> batchFutures = new ArrayList<>();
  private Frame.Welcome session;
  private String helloId = "";
  private long lastHelloNanos;
  private long lastSendNanos = System.nanoTime();
  private long lastReceiveNanos = System.nanoTime();
  private long heartbeatNanos;
  private final long livenessNanos;
  private volatile boolean connected;
  private volatile int sessionsOpened;

  public ClientAgent(
      ZMQ.Socket socket,
      BusClientOptions options,
      Dispatcher dispatcher,
      Map<Integer, SubscriptionImpl> subscriptions,
      InFlight inFlight,
      BackpressureSignal backpressure) {
    this.socket = socket;
    this.backpressure = backpressure;
    this.inFlight = inFlight;
    this.pending = new PendingPublishes(inFlight);
    this.options = options;
    this.dispatcher = dispatcher;
    this.subscriptions = subscriptions;
    this.outbound = new MpscArrayQueue<>(options.outboundQueueCapacity());
    this.heartbeatNanos = options.socketLimits().heartbeatInterval().toNanos();
    this.livenessNanos = options.socketLimits().heartbeatTimeout().toNanos();
  }

  /**
   * Any thread: true while a session is open and the bus has been heard from within the heartbeat
   * timeout; false before the first WELCOME, after a BYE, a HELLO_REQUIRED or a silent bus.
   */
  public boolean connected() {
    return connected;
  }

  /** Any thread: sessions opened so far (WELCOMEs); more than 1 means the client rejoined. */
  public int sessionsOpened() {
    return sessionsOpened;
  }

  /**
   * Any thread: the queue application threads hand work to (many producers, this agent the only
   * consumer). Its capacity is the options' rounded up to a power of two.
   */
  public MpscArrayQueue<Outbound> outbound() {
    return outbound;
  }

  /** Any thread: events published without a result that the bus rejected or that were lost. */
  public long rejectedWithoutResult() {
    return pending.rejectedWithoutResult();
  }

  /** Any thread: completes with the first WELCOME. */
  public CompletableFuture<Frame.Welcome> welcome() {
    return welcome;
  }

  /** Any thread: remembers which subscription a SUBSCRIBE ref belongs to. */
  public void expectSubscribeAck(int ref, SubscriptionImpl s) {
    awaitingSubscribeAck.put(ref, s);
  }

  @Override
  public String roleName() {
    return "onex-client-io-" + options.nodeId();
  }

  @Override
  public void onStart() {
    hello();
  }

  @Override
  public int doWork() {
    int work = read();
    work += flushUnsent();
    if (session != null && unsent.isEmpty()) {
      work += drainOutbound();
    }
    heartbeat();
    return work;
  }

  /**
   * How long the idle loop may block in poll, at most {@code max} ms: not at all with work queued,
   * 1 ms while frames wait for the socket (not connected yet, or its HWM reached), and while the
   * dispatcher is full it parks instead of polling, since the socket it is not reading stays
   * readable.
   */
  public long pollTimeoutMillis(long max) {
    if (!dispatcher.hasRoom()) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      return 0;
    }
    if (!outbound.isEmpty()) {
      return 0;
    }
    return unsent.isEmpty() ? max : 1;
  }

  @Override
  public void onClose() {
    drainOutbound();
    flushUnsent();
    socket.send(FrameCodec.encode(new Frame.Bye(0, "client closing")), ZMQ.DONTWAIT);
    pending.failAll("client closed before the bus answered");
    Outbound o;
    PublishResult closing = PublishResult.notSent("client closed");
    while ((o = outbound.poll()) != null) {
      if (o instanceof Outbound.Event e && pending.complete(e.result(), closing)) {
        inFlight.done(1);
      }
    }
    awaitingSubscribeAck.values().forEach(s -> s.ready().cancel(false));
    socket.close();
  }

  /** Starts a handshake: a new hello_id, sent now and repeated until WELCOME. */
  private void hello() {
    helloId = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    repeatHello();
  }

  private void repeatHello() {
    send(
        FrameCodec.encode(
            new Frame.Hello(
                options.nodeId(), options.clientName(), "", Map.of(HELLO_ID_KEY, helloId))));
    lastHelloNanos = System.nanoTime();
  }

  private int read() {
    int n = 0;
    while (n < READ_BUDGET && dispatcher.hasRoom()) {
      byte[] f = socket.recv(ZMQ.DONTWAIT);
      if (f == null) {
        break;
      }
      lastReceiveNanos = System.nanoTime();
      n++;
      handle(f);
    }
    return n;
  }

  private void handle(byte[] bytes) {
    try {
      Command c = FrameCodec.commandOf(bytes);
      // GAP markers take the dispatcher's queue too, to stay in stream order with the events.
      if (c == Command.DELIVER || c == Command.GAP) {
        dispatcher.offer(bytes);
        return;
      }
      Frame f = FrameCodec.decode(bytes);
      switch (f.command()) {
        case WELCOME -> welcomed((Frame.Welcome) f);
        case ACK -> acked((Frame.Ack) f);
        case ERROR -> failed((Frame.Error) f);
        case SCHEMA_ERROR -> schemaFailed((Frame.SchemaError) f);
        case PING -> send(FrameCodec.encode(new Frame.Pong(((Frame.Ping) f).nonce())));
        case BYE -> lost("broker said BYE: " + ((Frame.Bye) f).reason());
        case BACKPRESSURE -> backpressure.update((Frame.Backpressure) f);
        default -> {
          // PONG and anything else a broker may add later need no answer.
        }
      }
    } catch (ProtocolException e) {
      LOG.warn("ignored an undecodable frame from the broker: {}", e.getMessage());
    }
  }

  private void welcomed(Frame.Welcome w) {
    if (session != null && session.sessionId() == w.sessionId()) {
      return; // the answer to a repeated HELLO of a handshake that already succeeded
    }
    boolean reconnect = session != null || welcome.isDone();
    session = w;
    sessionsOpened++;
    connected = true;
    backpressure.reset();
    adoptBusHeartbeat(w);
    welcome.complete(w);
    if (reconnect) {
      for (SubscriptionImpl s : subscriptions.values()) {
        int ref = ControlRefs.next();
        awaitingSubscribeAck.put(ref, s);
        send(FrameCodec.encode(SubscribeFrames.of(ref, s)));
      }
      LOG.info(
          "session re-opened on {}, {} subscriptions restored",
          options.endpoint(),
          subscriptions.size());
    }
  }

  /**
   * PING at least as often as the bus's own heartbeat interval (WELCOME's {@code heartbeat_ms}): a
   * bus configured tighter than this client would otherwise reap a healthy but quiet session.
   */
  private void adoptBusHeartbeat(Frame.Welcome w) {
    String ms = w.properties().get("heartbeat_ms");
    if (ms == null) {
      return;
    }
    try {
      long busNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(ms));
      if (busNanos > 0) {
        heartbeatNanos = Math.min(options.socketLimits().heartbeatInterval().toNanos(), busNanos);
      }
    } catch (NumberFormatException e) {
      LOG.warn("ignored a malformed heartbeat_ms from the bus: {}", ms);
    }
  }

  private void acked(Frame.Ack a) {
    if (!pending.ack(a)) {
      SubscriptionImpl s = awaitingSubscribeAck.remove(a.ref());
      if (s != null) {
        s.ready().complete(a.sequence());
      }
    }
  }

  private void failed(Frame.Error e) {
    ErrorCode code = ErrorCode.fromCode(e.code());
    if (code == ErrorCode.HELLO_REQUIRED) {
      lost("the bus no longer knows this session");
      hello();
      return;
    }
    if (pending.error(e)) {
      return;
    }
    SubscriptionImpl s = awaitingSubscribeAck.remove(e.ref());
    if (s != null) {
      subscriptions.remove(s.id());
      s.ready()
          .completeExceptionally(
              new SubscriptionRejectedException(code, e.message(), e.offending()));
    } else if (session == null) {
      welcome.completeExceptionally(new IllegalStateException(code + ": " + e.message()));
    } else {
      LOG.warn("bus reported {}: {} ({})", code, e.message(), e.offending());
    }
  }

  private void schemaFailed(Frame.SchemaError e) {
    if (!pending.schemaError(e)) {
      LOG.warn("bus reported a schema error for an unknown publish {}: {}", e.ref(), e.message());
    }
  }

  /** The session is gone: what awaited an answer from it will never get one. */
  private void lost(String why) {
    session = null;
    connected = false;
    pending.failAll("connection lost before the bus answered: " + why);
  }

  private int drainOutbound() {
    int n = 0;
    Outbound o;
    int maxEvents = Math.min(0xFFFF, session == null ? 1024 : session.maxBatchEvents());
    int maxBytes =
        Math.min(
            PUBLISH_BATCH_BYTES,
            (session == null ? 1 << 20 : session.maxFrameBytes()) - FRAME_HEADROOM);
    while ((o = outbound.poll()) != null) {
      n++;
      if (o instanceof Outbound.Control c) {
        sendBatch();
        send(FrameCodec.encode(c.frame()));
      } else {
        Outbound.Event e = (Outbound.Event) o;
        if (batch.position() + e.record().length > maxBytes || batchFutures.size() >= maxEvents) {
          sendBatch();
        }
        if (batchFutures.isEmpty()) {
          batch.reset().u8(FrameCodec.VERSION).u8(Command.PUBLISH.code()).u32(0).u16(0);
        }
        batch.bytes(e.record());
        batchFutures.add(e.result());
      }
    }
    sendBatch();
    return n;
  }

  private void sendBatch() {
    if (batchFutures.isEmpty()) {
      return;
    }
    int ref = pending.add(batchFutures);
    batch.putU32At(2, ref);
    batch.putU16At(6, batchFutures.size());
    batchFutures = new ArrayList<>(batchFutures.size());
    int length = batch.position();
    sendWindow(batch.handOver(), length);
  }

  /**
   * Sends the frame {@code bytes[0, length)}: a large batch goes to JeroMQ as the writer's old
   * buffer, not copied again ({@link Sockets#sendWindow}). One the socket cannot take now waits,
   * copied, in {@link #unsent}.
   */
  private void sendWindow(byte[] bytes, int length) {
    if (length == bytes.length) {
      send(bytes);
    } else if (unsent.isEmpty() && Sockets.sendWindow(socket, bytes, length, ZMQ.DONTWAIT)) {
      lastSendNanos = System.nanoTime();
    } else {
      unsent.addLast(Arrays.copyOf(bytes, length));
    }
  }

  private void send(byte[] frame) {
    if (!unsent.isEmpty() || !socket.send(frame, ZMQ.DONTWAIT)) {
      unsent.addLast(frame);
    } else {
      lastSendNanos = System.nanoTime();
    }
  }

  private int flushUnsent() {
    int n = 0;
    while (!unsent.isEmpty() && socket.send(unsent.peekFirst(), ZMQ.DONTWAIT)) {
      unsent.pollFirst();
      lastSendNanos = System.nanoTime();
      n++;
    }
    return n;
  }

  private void heartbeat() {
    long now = System.nanoTime();
    if (!dispatcher.hasRoom()) {
      // Not reading while the handlers catch up: the bus's silence says nothing then.
      lastReceiveNanos = now;
    }
    if (session != null && now - lastReceiveNanos >= livenessNanos) {
      // PINGs went unanswered for the whole timeout (docs/protocol.md §7.7): the bus is gone or
      // restarted without telling us. Start over; a bus back on this endpoint gets a HELLO.
      LOG.warn(
          "no frame from the bus at {} for {} ms; the session is lost",
          options.endpoint(),
          TimeUnit.NANOSECONDS.toMillis(now - lastReceiveNanos));
      lost("the bus did not answer within the heartbeat timeout");
      hello();
      return;
    }
    if (session == null) {
      if (now - lastHelloNanos >= HELLO_RETRY_NANOS) {
        repeatHello();
      }
    } else if (now - lastSendNanos >= heartbeatNanos) {
      send(FrameCodec.encode(new Frame.Ping(now)));
      lastSendNanos = now;
    }
  }
}
