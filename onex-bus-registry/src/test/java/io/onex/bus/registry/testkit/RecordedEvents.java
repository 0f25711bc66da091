package io.onex.bus.registry.testkit;

import io.onex.bus.protocol.event.BusEventType;
import io.onex.bus.registry.events.RegistryEvent;
import io.onex.bus.registry.events.RegistryEvents;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Registry events with a listener that keeps every event, for assertions. Any thread. */
public final class RecordedEvents {
  private final RegistryEvents events;
  private final List<RegistryEvent> seen = new CopyOnWriteArrayList<>();

  public RecordedEvents(Clock clock) {
    events = new RegistryEvents(clock);
    events.listen(seen::add);
  }

  public RegistryEvents events() {
    return events;
  }

  public List<RegistryEvent> all() {
    return List.copyOf(seen);
  }

  public List<RegistryEvent> of(BusEventType type) {
    return seen.stream().filter(e -> e.type() == type).toList();
  }

  public List<BusEventType> types() {
    return seen.stream().map(RegistryEvent::type).toList();
  }
}
