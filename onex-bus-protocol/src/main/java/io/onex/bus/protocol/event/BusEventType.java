package io.onex.bus.protocol.event;

/**
 * The events the bus itself emits about what it did (the roadmap's observability catalogue). They
 * are published on {@code $onex.bus.<bus>.>} system topics and logged as structured lines whose
 * {@code event} field is the constant's name. Immutable; any thread.
 */
public enum BusEventType {
  EVENT_PUBLISHED,
  EVENT_RECEIVED,
  EVENT_DROPPED,
  EVENT_INVALID_SCHEMA,
  EVENT_RETRY,
  EVENT_RETRY_LIMIT_EXCEEDED,
  EVENT_BACKPRESSURE,
  EVENT_SUBSCRIBER_SLOW,
  NODE_REJOINED,
  BUS_STARTED,
  BUS_STOPPED,
  EVENT_REPLAY_REQUESTED,
  EVENT_REPLAY_DELIVERED,
  EVENT_REPLAY_FAILED
}
