/**
 * The broker flow scenarios of {@code onex bench}: {@code --scenario routing} (one topic against
 * 10,000 topics and 1,000 mixed subscriptions, {@link io.onex.bus.bench.flow.RoutingBench}) and
 * {@code --scenario stalled} (a fast subscriber alone and next to one that never grants credit,
 * {@link io.onex.bus.bench.flow.StalledBench}). Both run an in-process broker and real {@code
 * BusClient}s, interleave their two cells run by run, and report medians.
 */
package io.onex.bus.bench.flow;
