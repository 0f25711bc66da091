package io.onex.bus.cli.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.PublishOptions;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import io.onex.bus.registry.RegistryNode;
import io.onex.bus.registry.events.RegistryEvent;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Publishes the registry's events on a bus, on their {@code $onex.registry.>} topics, as OnexEvents
 * from node {@code registry} whose metadata carries the event's fields. Events emitted before a bus
 * is attached (the registry starts before any bus) wait in a bounded buffer; the oldest are dropped
 * beyond 1000, and the count is published with the first event after attaching. Called on the
 * registry loop thread (events) and the main thread (attach, close); synchronized.
 */
public final class RegistryEventPublisher implements Consumer<RegistryEvent> {
  private static final int MAX_BUFFERED = 1000;
  private final ArrayDeque<RegistryEvent> buffered = new ArrayDeque<>();
  private BusClient bus;
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

  /** Starts publishing on {@code client}, first what was buffered. */
  public synchronized void attach(BusClient client) {
    this.bus = client;
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
    // Fire and forget: the event is also logged, and the registry loop must never wait on a bus.
    bus.publish(e.topic(), event, PublishOptions.NONE);
  }
}
