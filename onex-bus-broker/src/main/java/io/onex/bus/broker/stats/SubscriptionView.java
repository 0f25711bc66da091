package io.onex.bus.broker.stats;

/**
 * One subscription's flow gauges as the registry and the CLI show them. Immutable; any thread.
 *
 * @param nodeId the subscriber's node id
 * @param pattern its topic pattern
 * @param queueDepth events waiting in its broker queue
 * @param queueBound the queue's bound
 * @param dropped events its queue dropped so far
 * @param behind bus sequences between its last delivered and its last queued event
 */
public record SubscriptionView(
    String nodeId, String pattern, int queueDepth, int queueBound, long dropped, long behind) {}
