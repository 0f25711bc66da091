package io.onex.bus.client;

import io.onex.bus.protocol.event.OnexEvent;
import java.util.UUID;

/**
 * Every published event carries a correlation id: the publisher's, else a fresh UUID, so that a
 * subscriber, a reply and the logs can always tie things together. Stateless; any thread.
 */
final class CorrelationIds {
  private CorrelationIds() {}

  /** {@code event}, with a new correlation id when it has none. */
  static OnexEvent ensure(OnexEvent event) {
    return event.correlationId() == null
        ? event.withCorrelationId(UUID.randomUUID().toString())
        : event;
  }
}
