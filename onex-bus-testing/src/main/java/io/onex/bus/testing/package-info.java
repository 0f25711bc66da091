/**
 * Test support for onex-bus users and for the project's own tests: {@link
 * io.onex.bus.testing.TestBuses} starts real brokers on ephemeral loopback ports, and {@link
 * io.onex.bus.testing.RawPeer} speaks the wire protocol frame by frame to script bad input.
 */
package io.onex.bus.testing;
