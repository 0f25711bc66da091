/**
 * The registry scenario of {@code onex bench --scenario registry}: an in-process registry node, C
 * concurrent clients, and the rates of lease grant+release pairs and of heartbeats over 10,000
 * registered nodes. {@link io.onex.bus.bench.registry.RegistryBench} runs it; each client is one
 * thread with one {@link io.onex.bus.bench.registry.RegistryDriver}, either the real {@code
 * RegistryClient} (one request in flight) or a raw pipelining DEALER.
 */
package io.onex.bus.bench.registry;
