package io.onex.bus.registry.events;

import io.onex.bus.protocol.event.BusEventType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the registry's events go: each is logged as one structured line (field {@code event} names
 * it, the event's fields follow) and handed to every listener, which may publish it on a bus.
 * Listeners run on the emitting thread and must not block. Any thread.
 */
public final class RegistryEvents {
  private static final Logger LOG = LoggerFactory.getLogger("io.onex.bus.registry.events");
  private final Clock clock;
  private final List<Consumer<RegistryEvent>> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, java.util.concurrent.atomic.LongAdder> counts =
      new java.util.concurrent.ConcurrentSkipListMap<>();

  /** Events stamped with {@code clock}. */
  public RegistryEvents(Clock clock) {
    this.clock = clock;
  }

  /** Adds a listener; it sees every later event. */
  public void listen(Consumer<RegistryEvent> listener) {
    listeners.add(listener);
  }

  /** Emits {@code type} with alternating field names and values. */
  public void emit(BusEventType type, Object... nameValuePairs) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
      fields.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    RegistryEvent e = new RegistryEvent(type, clock.instant(), fields);
    counts
        .computeIfAbsent(type.name(), k -> new java.util.concurrent.atomic.LongAdder())
        .increment();
    var line = warns(type) ? LOG.atWarn() : LOG.atInfo();
    line = line.addKeyValue("event", type.name());
    for (var f : fields.entrySet()) {
      line = line.addKeyValue(f.getKey(), f.getValue());
    }
    line.log("{} {}", type.name(), fields);
    for (Consumer<RegistryEvent> l : listeners) {
      try {
        l.accept(e);
      } catch (RuntimeException ex) {
        LOG.warn("a registry event listener failed on {}", type, ex);
      }
    }
  }

  /** How many events of each type were emitted so far, by type name. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new java.util.TreeMap<>();
    counts.forEach((type, n) -> out.put(type, n.sum()));
    return out;
  }

  private static boolean warns(BusEventType type) {
    return switch (type) {
      case LEASE_CONFLICT, EVENT_RETRY_LIMIT_EXCEEDED, PORTSERVER_FALLBACK -> true;
      default -> false;
    };
  }
}
