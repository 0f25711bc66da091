package io.onex.bus.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import org.zeromq.ZMQ;

/**
 * Blocks a loop thread until its ZeroMQ socket has input, another channel it watches (a {@link
 * Waker}'s pipe) is readable, or a timeout passes. It replaces {@code ZMQ.Poller} in onex's loops
 * because of a race inside JeroMQ 0.6.0 that makes a poller spin.
 *
 * <p>A socket tells a waiting thread that a message came in through a byte in a pipe, the socket's
 * file descriptor. JeroMQ's {@code Signaler.send} writes that byte first and only then counts it,
 * and the socket consumes a byte only after it has been counted. A poller woken by the byte
 * therefore often finds the socket with nothing to read, polls again, wakes again at once on the
 * same byte, and so on until the sending thread (JeroMQ's I/O thread) has returned from its {@code
 * write} and counted. On a 2-vCPU VM at 10,000 messages/s this was about twenty {@code epoll_wait}
 * calls per message, four times the CPU of a blocking receive; and when the woken thread had taken
 * the sender's CPU, it spun until the scheduler preempted it, a stall of milliseconds
 * (docs/performance.md, "Earlier: the JeroMQ wake-up race"). Here, once the socket's descriptor has
 * fired, the thread spins briefly on the socket's own event check and then, while the byte is still
 * unconsumed, yields the CPU to whoever has to count it, for at most {@value #SETTLE_NANOS} ns.
 *
 * <p>Only the socket's owning loop thread may call {@link #await}; {@link #close} once that loop
 * has stopped.
 */
public final class SocketWaiter implements AutoCloseable {
  /** Upper bound of the spin-then-yield wait for a fired descriptor to become a readable socket. */
  static final long SETTLE_NANOS = 50_000;

  private static final int SPINS = 64;

  private final ZMQ.Socket socket;
  private final Selector selector;
  private final SelectionKey socketKey;
  private long settled;
  private long noInput;
  private long unsettled;
  private long timedOut;

  /**
   * @param socket the loop's socket, watched for input
   * @param others further channels to wake on (registered for reading, non-blocking)
   */
  public SocketWaiter(ZMQ.Socket socket, SelectableChannel... others) {
    this.socket = socket;
    try {
      this.selector = Selector.open();
      this.socketKey = socket.getFD().register(selector, SelectionKey.OP_READ);
      for (SelectableChannel c : others) {
        c.register(selector, SelectionKey.OP_READ);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loop thread: returns when the socket has input, a watched channel is readable, or after {@code
   * millis} ms. Returns at once if the socket already has input or {@code millis} is not positive.
   */
  public void await(long millis) {
    if (millis <= 0 || hasInput()) {
      return;
    }
    boolean socketFired;
    try {
      if (selector.select(millis) == 0) {
        timedOut++;
      }
      socketFired = selector.selectedKeys().contains(socketKey);
      selector.selectedKeys().clear();
    } catch (ClosedSelectorException e) {
      return; // closed while the loop was stopping
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (socketFired) {
      settle();
    }
  }

  /**
   * Loop thread: after the descriptor fired, wait until the socket shows the input it announced:
   * spin briefly, then, if the wake-up byte is still unconsumed (its sender has not counted it
   * yet), yield the CPU until it is, for at most {@link #SETTLE_NANOS}. A command that brings no
   * input (a peer's pipe reopening for writes) also fires the descriptor; its byte is consumed by
   * the event check, so that case ends at the spin.
   */
  private void settle() {
    for (int i = 0; i < SPINS; i++) {
      if (hasInput()) {
        settled++;
        return;
      }
      Thread.onSpinWait();
    }
    if (!byteStillPending()) {
      noInput++;
      return;
    }
    long deadline = System.nanoTime() + SETTLE_NANOS;
    while (!hasInput()) {
      if (System.nanoTime() - deadline > 0) {
        unsettled++;
        return;
      }
      Thread.yield();
    }
    settled++;
  }

  private boolean byteStillPending() {
    try {
      selector.selectNow();
      boolean pending = selector.selectedKeys().contains(socketKey);
      selector.selectedKeys().clear();
      return pending;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean hasInput() {
    return (socket.getEvents() & ZMQ.Poller.POLLIN) != 0;
  }

  /** Loop thread: wake-ups of the socket's descriptor after which its input showed up. */
  long settled() {
    return settled;
  }

  /** Loop thread: wake-ups of the socket's descriptor by a command that brought no input. */
  long noInput() {
    return noInput;
  }

  /** Loop thread: wake-ups after which the announced input did not show up within the bound. */
  long unsettled() {
    return unsettled;
  }

  /** Loop thread: waits that ended with nothing ready (the timeout, mostly). */
  long timedOut() {
    return timedOut;
  }

  /** Closes the selector (not the socket or the channels); after the loop has stopped. */
  @Override
  public void close() {
    try {
      selector.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
