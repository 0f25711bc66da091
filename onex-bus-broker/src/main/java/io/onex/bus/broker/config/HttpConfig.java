package io.onex.bus.broker.config;

/** Where the HTTP API listens; port 0 is ephemeral. Immutable; any thread. */
public record HttpConfig(String host, int port) {}
