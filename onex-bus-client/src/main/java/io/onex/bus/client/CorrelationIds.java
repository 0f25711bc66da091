package io.onex.bus.client;

import io.onex.bus.protocol.event.OnexEvent;
import java.util.UUID;

/**
 * Every published event carries a correlation id: the publisher's, else the one inherited from the
 * event it derives from ({@link PublishOptions#derivedFrom}), else a fresh UUID, so that a
 * subscriber, a reply and the logs can always tie things together. Stateless; any thread.
 */
final class CorrelationIds {
  private CorrelationIds() {}

  /** {@code event}, with {@code inherited} or else a new correlation id when it has none. */
  static OnexEvent ensure(OnexEvent event, PublishOptions options) {
    if (event.correlationId() != null) {
      return event;
    }
    String inherited = options.correlationId();
    return event.withCorrelationId(inherited != null ? inherited : UUID.randomUUID().toString());
  }
}
