package io.onex.bus.cli.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.broker.Broker;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import io.onex.bus.registry.RegistryNode;
import io.onex.bus.registry.events.RegistryEvent;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Publishes the registry's events on a bus of the same process, on their {@code $onex.registry.>}
 * system topics, as OnexEvents from node {@code registry} whose metadata carries the event's
 * fields. System topics take no client publishes, so the events go straight into the broker's loop
 * ({@link Broker#publishSystemEvent}); a registry in another process only logs them until node
 * identity (the security chapter) lets brokers trust a remote registry's publishes.
 *
 * <p>Events emitted before a bus is attached (the registry starts first) wait in a bounded buffer;
 * the oldest are dropped beyond 1000, and the count travels with the first event published after.
 * Called on the registry loop thread (events) and the main thread (attach, detach); synchronized.
 */
public final class RegistryEventPublisher implements Consumer<RegistryEvent> {
  private static final int MAX_BUFFERED = 1000;
  private final ArrayDeque<RegistryEvent> buffered = new ArrayDeque<>();
  private Broker bus;
  private long droppedBeforeAttach;

  @Override
  public synchronized void accept(RegistryEvent e) {
    if (bus == null) {
      if (buffered.size() == MAX_BUFFERED) {
        buffered.removeFirst();
        droppedBeforeAttach++;
      }
      buffered.addLast(e);
      return;
    }
    publish(e);
  }

  /** Starts publishing on {@code broker}'s bus, first what was buffered. */
  public synchronized void attach(Broker broker) {
    this.bus = broker;
    while (!buffered.isEmpty()) {
      publish(buffered.removeFirst());
    }
  }

  /** Stops publishing; later events are buffered again. */
  public synchronized void detach() {
    bus = null;
  }

  private void publish(RegistryEvent e) {
    ObjectNode md = OnexEventJson.mapper().createObjectNode();
    e.fields().forEach((k, v) -> md.set(k, OnexEventJson.mapper().valueToTree(v)));
    md.put("at", e.at().toString());
    if (droppedBeforeAttach > 0) {
      md.put("dropped_before_publishing", droppedBeforeAttach);
      droppedBeforeAttach = 0;
    }
    OnexEvent event = OnexEvent.create(RegistryNode.NODE_ID, e.type().name(), md);
    bus.publishSystemEvent(
        e.topic(), e.type().name(), RegistryNode.NODE_ID, OnexEventJson.write(event));
  }
}
