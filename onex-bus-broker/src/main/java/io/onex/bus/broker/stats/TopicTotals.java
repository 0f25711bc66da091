package io.onex.bus.broker.stats;

/**
 * One topic's counts at one instant, for the metrics. Immutable; any thread.
 *
 * @param topic the topic, or {@value TopicMeter#OTHER} for every topic past the cap
 * @param published events routed
 * @param delivered deliveries handed to subscribers' connections
 * @param dropped deliveries dropped by full subscription queues
 * @param rejected events refused with an ERROR
 * @param bytes bytes of the routed events' records
 */
public record TopicTotals(
    String topic, long published, long delivered, long dropped, long rejected, long bytes) {}
