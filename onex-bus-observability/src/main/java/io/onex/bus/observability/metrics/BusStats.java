package io.onex.bus.observability.metrics;

/**
 * The numbers one bus exposes as metrics, read from its broker's latest snapshot. Immutable; any
 * thread.
 *
 * @param published events routed (client and system events)
 * @param delivered deliveries written to connections
 * @param dropped deliveries dropped by full subscription queues
 * @param rejected inputs refused with an ERROR
 * @param policyDenied deliveries the bus policy withheld
 * @param bytesIn bytes of frames received
 * @param sessions open sessions
 * @param subscriptions open subscriptions
 * @param queuedEvents events waiting in subscription queues
 * @param queuedBytes their bytes
 * @param pinnedBytes bytes of the PUBLISH frames queued events point into
 * @param schemaInvalid events that failed their schema check (rejected or flagged)
 * @param schemaFlagged of those, delivered flagged as invalid (permissive mode)
 * @param busEvents bus events the broker published, by type
 */
public record BusStats(
    long published,
    long delivered,
    long dropped,
    long rejected,
    long policyDenied,
    long bytesIn,
    int sessions,
    int subscriptions,
    long queuedEvents,
    long queuedBytes,
    long pinnedBytes,
    long schemaInvalid,
    long schemaFlagged,
    java.util.Map<String, Long> busEvents) {}
