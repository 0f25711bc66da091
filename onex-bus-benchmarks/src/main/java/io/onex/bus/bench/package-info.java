/**
 * The end-to-end benchmark harness behind {@code onex bench}: each {@link
 * io.onex.bus.bench.BenchSystem} (onex-bus through its broker, NATS with jnats, raw JeroMQ PUB→SUB)
 * runs the same scenario with the same payloads in the same JVM run, and {@link
 * io.onex.bus.bench.BenchHarness} reports medians and the ratio to NATS.
 */
package io.onex.bus.bench;
