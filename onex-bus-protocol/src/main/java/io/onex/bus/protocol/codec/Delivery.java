package io.onex.bus.protocol.codec;

/**
 * One event delivered to one subscription: the broker's stamp (bus sequence, acceptance time,
 * publisher's node id as the broker knows it) around the event exactly as it was published.
 * Immutable; any thread.
 */
public record Delivery(
    int subscriptionId,
    long sequence,
    long brokerTimeMicros,
    String publisherNodeId,
    EventRecord event) {}
