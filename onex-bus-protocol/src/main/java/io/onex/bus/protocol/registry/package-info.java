/**
 * The registry protocol (docs/protocol.md, "Registry protocol"): what nodes and brokers send the
 * registry over ZeroMQ and what it answers. Every message is two frames, a command name and one
 * JSON object, so that a pyzmq node speaks it with {@code send_multipart} and {@code json}. Pure:
 * no sockets, no threads.
 */
package io.onex.bus.protocol.registry;
