package io.onex.bus.broker.loop;

import io.onex.bus.broker.session.Session;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and closes sessions: HELLO (answered by WELCOME), BYE, PING/PONG liveness and the reaping
 * of sessions silent for longer than the heartbeat timeout. Owned by the broker loop thread.
 */
final class SessionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SessionHandler.class);
  private static final String CLIENT_NAME_KEY = "client_name";

  /** HELLO property naming one handshake, so a retried HELLO is recognised. */
  static final String HELLO_ID_KEY = "hello_id";

  private final BrokerState state;
  private final Runnable onSubscriptionsChanged;

  SessionHandler(BrokerState state, Runnable onSubscriptionsChanged) {
    this.state = state;
    this.onSubscriptionsChanged = onSubscriptionsChanged;
  }

  /** A HELLO from {@code routingId}; a second HELLO on one connection starts a fresh session. */
  Session hello(byte[] routingId, Session existing, Frame.Hello hello) throws ProtocolException {
    if (hello.nodeId().isEmpty()) {
      throw Replies.problem(ErrorCode.MALFORMED_FRAME, "HELLO needs a node_id", "");
    }
    String helloId = hello.properties().getOrDefault(HELLO_ID_KEY, "");
    if (existing != null && !helloId.isEmpty() && helloId.equals(existing.helloId())) {
      // The same handshake retried: answer again, keep the session and its subscriptions.
      welcome(existing);
      return existing;
    }
    if (existing != null) {
      state.removeSession(existing);
      onSubscriptionsChanged.run();
    }
    Session s =
        new Session(
            routingId,
            state.newSessionId(),
            hello.nodeId(),
            helloId,
            state.nowMillis(),
            state.policy.trustOf(hello.nodeId()));
    state.sessions.put(s);
    welcome(s);
    LOG.atDebug()
        .addKeyValue("event", "SESSION_OPENED")
        .addKeyValue("bus", state.config.name())
        .addKeyValue("node_id", hello.nodeId())
        .addKeyValue(CLIENT_NAME_KEY, hello.clientName())
        .log("session {} opened for node {}", s.id(), hello.nodeId());
    return s;
  }

  private void welcome(Session s) {
    var limits = state.config.limits();
    state.outbox.control(
        s,
        FrameCodec.encode(
            new Frame.Welcome(
                s.id(),
                state.config.name(),
                limits.maxFrameBytes(),
                limits.maxBatchEvents(),
                Frame.Subscribe.UNLIMITED_CREDIT,
                state.nowMicros(),
                state.sequence(),
                Map.of(
                    "heartbeat_ms",
                    Long.toString(state.config.heartbeat().interval().toMillis())))));
  }

  void ping(Session s, Frame.Ping ping) {
    state.outbox.control(s, FrameCodec.encode(new Frame.Pong(ping.nonce())));
  }

  void bye(Session s) {
    close(s, "SESSION_CLOSED", "client said BYE");
  }

  /** Removes sessions that sent nothing for a heartbeat timeout; returns how many. */
  int reapSilent() {
    long deadline = state.nowMillis() - state.config.heartbeat().timeout().toMillis();
    int reaped = 0;
    for (Session s : state.sessions.snapshot()) {
      if (s.lastSeenMillis() < deadline) {
        state.counters.addSessionExpired();
        close(s, "SESSION_EXPIRED", "silent for longer than the heartbeat timeout");
        reaped++;
      }
    }
    return reaped;
  }

  /** Removes a session whose peer is gone. */
  void lost(Session s) {
    close(s, "SESSION_LOST", "peer unreachable");
  }

  private void close(Session s, String event, String why) {
    boolean hadSubscriptions = !s.subscriptions().isEmpty();
    state.removeSession(s);
    if (hadSubscriptions) {
      onSubscriptionsChanged.run();
    }
    LOG.atInfo()
        .addKeyValue("event", event)
        .addKeyValue("bus", state.config.name())
        .addKeyValue("node_id", s.nodeId())
        .log("session {} of node {} closed: {}", s.id(), s.nodeId(), why);
  }
}
