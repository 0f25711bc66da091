package io.onex.bus.broker.loop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.broker.lifecycle.LifecycleLog;
import io.onex.bus.broker.lifecycle.SystemEvents;
import io.onex.bus.broker.session.Session;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.protocol.event.BusEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * BUS_STARTED and BUS_STOPPED, and the orderly stop between them: announce, flush queued deliveries
 * within the drain deadline, say BYE to every session. Owned by the broker loop thread.
 */
final class Lifecycle {
  private static final int BYE_SHUTDOWN = 1;
  private static final String KIND = "lifecycle";

  private final BrokerState state;
  private final PublishHandler publishes;
  private final byte[] brokerNodeId;
  private long startedMicros;
  private String endpoint = "";

  Lifecycle(BrokerState state, PublishHandler publishes) {
    this.state = state;
    this.publishes = publishes;
    this.brokerNodeId =
        SystemEvents.brokerNodeId(state.config.name()).getBytes(StandardCharsets.UTF_8);
  }

  void started(String boundEndpoint) {
    startedMicros = state.nowMicros();
    endpoint = boundEndpoint;
    ObjectNode m = SystemEvents.metadata();
    m.put("endpoint", boundEndpoint);
    m.put("config_digest", state.config.digest());
    m.put("started_at", Instant.ofEpochMilli(startedMicros / 1000).toString());
    announce(BusEventType.BUS_STARTED, m);
  }

  /**
   * Announces BUS_STOPPED (logged first, so the line exists whatever the drain meets), drains
   * within the deadline using {@code flush}, then says BYE. Events still queued after the deadline
   * are logged as BUS_DRAIN_INCOMPLETE.
   */
  void stopping(Runnable flush) {
    ObjectNode m = SystemEvents.metadata();
    m.put("endpoint", endpoint);
    m.put("uptime_ms", (state.nowMicros() - startedMicros) / 1000);
    m.put("events_routed", state.counters.published());
    m.put("events_delivered", state.counters.delivered());
    m.put("events_dropped", state.counters.dropped());
    m.put("subscribers_at_stop", state.index.size());
    m.put("sessions_at_stop", state.sessions.size());
    m.put("queued_at_stop", pendingEvents());
    announce(BusEventType.BUS_STOPPED, m);
    drain(flush);
    byte[] bye =
        FrameCodec.encode(new Frame.Bye(BYE_SHUTDOWN, "bus " + state.config.name() + " stopping"));
    for (Session s : state.sessions.all()) {
      state.outbox.control(s, bye);
    }
    flush.run();
    long left = pendingEvents();
    if (left > 0) {
      LifecycleLog.drainIncomplete(state.config.name(), left);
    }
  }

  private void announce(BusEventType type, ObjectNode m) {
    LifecycleLog.log(state.config.name(), type, m);
    publishes.publishSystem(SystemEvents.record(state.config.name(), KIND, type, m), brokerNodeId);
  }

  private void drain(Runnable flush) {
    long deadline = System.nanoTime() + state.config.shutdown().drainTimeout().toNanos();
    flush.run();
    while ((state.outbox.hasBacklog() || state.flow.hasSendable())
        && System.nanoTime() < deadline) {
      // A peer's pipe is full; give its I/O a moment rather than spin.
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      flush.run();
    }
  }

  private long pendingEvents() {
    long n = state.flow.queuedEvents();
    for (Session s : state.sessions.all()) {
      n += s.pendingEvents();
    }
    return n;
  }
}
