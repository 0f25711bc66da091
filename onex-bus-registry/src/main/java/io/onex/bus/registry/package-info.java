/**
 * The registry node (ARCHITECTURE.md section 6): the one place that knows which node runs where.
 * {@code lease} grants, renews, releases and reaps port leases; {@code ports} picks ports with
 * portpicker semantics (the port server, else local probing); {@code node} keeps the node and bus
 * registry; {@code store} persists both (SQLite under {@code $ONEX_HOME}).
 */
package io.onex.bus.registry;
