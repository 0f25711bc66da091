/**
 * What every onex-bus socket owner shares: sockets created with hard limits ({@link SocketLimits},
 * {@link Sockets}), the wait for a socket's input that replaces JeroMQ's poller ({@link
 * SocketWaiter}), a way for other threads to wake a loop that is blocked in it ({@link Waker}) and
 * the idle strategy that blocks there ({@link PollIdleStrategy}). Loops are Agrona {@code Agent}s
 * run by an {@code AgentRunner}.
 */
package io.onex.bus.transport;
