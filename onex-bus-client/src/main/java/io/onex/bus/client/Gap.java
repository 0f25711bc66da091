package io.onex.bus.client;

/**
 * Events a subscription lost: its queue in the broker was full and its drop policy discarded {@code
 * lost} events, the first with bus sequence {@code firstSequence} and the last with {@code
 * lastSequence}. It arrives in the subscription's stream where the loss happened. Immutable; any
 * thread.
 */
public record Gap(int subscriptionId, long lost, long firstSequence, long lastSequence) {}
