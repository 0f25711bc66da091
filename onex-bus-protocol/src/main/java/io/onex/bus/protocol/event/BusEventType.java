package io.onex.bus.protocol.event;

/**
 * The events the bus itself emits about what it did (the roadmap's observability catalogue). A
 * broker's are published on {@code $onex.bus.<bus>.>} system topics, the registry's ({@code
 * LEASE_*}, {@code NODE_*}, {@code PORTSERVER_FALLBACK}, {@code SCHEMA_*}, and its retries) on
 * {@code $onex.registry.>}; all are logged as structured lines whose {@code event} field is the
 * constant's name. Immutable; any thread.
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
  EVENT_REPLAY_FAILED,
  LEASE_GRANTED,
  LEASE_RELEASED,
  LEASE_EXPIRED,
  LEASE_CONFLICT,
  NODE_REGISTERED,
  NODE_EXPIRED,
  NODE_REMOVED,
  PORTSERVER_FALLBACK,
  SCHEMA_REGISTERED,
  SCHEMA_DELETED
}
