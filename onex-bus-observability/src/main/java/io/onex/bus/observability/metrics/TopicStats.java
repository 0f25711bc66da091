package io.onex.bus.observability.metrics;

/**
 * The numbers one topic of a bus exposes as metrics (label {@code topic}; {@code _other} for the
 * topics past the bus's cap). Immutable; any thread.
 *
 * @param topic the topic label
 * @param published events routed
 * @param delivered deliveries handed to subscribers' connections
 * @param dropped deliveries dropped by full queues
 * @param rejected events refused with an ERROR
 * @param bytes bytes of the routed events
 */
public record TopicStats(
    String topic, long published, long delivered, long dropped, long rejected, long bytes) {}
