/**
 * The bus broker: one {@link io.onex.bus.broker.Broker} per named bus, each with one ROUTER socket
 * and one loop thread ({@code loop}) that owns the sessions ({@code session}), the subscription
 * index ({@code routing}) and the counters ({@code stats}); {@code lifecycle} announces start and
 * stop. The settings come from the {@code io.onex.bus.config} module.
 */
package io.onex.bus.broker;
