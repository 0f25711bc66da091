package io.onex.bus.observability.metrics;

/**
 * The numbers a registry exposes as metrics. Immutable; any thread.
 *
 * @param activeLeases leases holding a port
 * @param nodesOnline registered nodes heartbeating
 * @param nodesOffline durable nodes past their TTL
 * @param buses registered buses
 */
public record RegistryStats(long activeLeases, long nodesOnline, long nodesOffline, long buses) {}
