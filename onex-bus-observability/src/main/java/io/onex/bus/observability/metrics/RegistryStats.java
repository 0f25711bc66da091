package io.onex.bus.observability.metrics;

/**
 * The numbers a registry exposes as metrics. Immutable; any thread.
 *
 * @param activeLeases leases holding a port
 * @param nodesOnline registered nodes heartbeating
 * @param nodesOffline durable nodes past their TTL
 * @param buses registered buses
 * @param events registry events emitted (LEASE_GRANTED, EVENT_RETRY, ...), by type
 */
public record RegistryStats(
    long activeLeases,
    long nodesOnline,
    long nodesOffline,
    long buses,
    java.util.Map<String, Long> events) {}
