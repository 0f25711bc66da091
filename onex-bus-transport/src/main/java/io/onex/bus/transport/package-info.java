/**
 * What every onex-bus socket owner shares: sockets created with hard limits ({@link SocketLimits},
 * {@link Sockets}), a way for other threads to wake a loop that is blocked in a poll ({@link
 * Waker}) and the idle strategy that blocks in that poll ({@link PollIdleStrategy}). Loops are
 * Agrona {@code Agent}s run by an {@code AgentRunner}.
 */
package io.onex.bus.transport;
