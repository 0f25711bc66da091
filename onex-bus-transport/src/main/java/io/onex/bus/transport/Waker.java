package io.onex.bus.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes a loop thread blocked in a ZeroMQ poll. The loop polls {@link #channel()} beside its
 * sockets; any thread that hands the loop work calls {@link #wake()}. A byte is written only when
 * the loop has announced it is about to block ({@link #armed()}), so a busy loop costs producers no
 * system call. {@link #wake()} is safe from any thread; the other methods belong to the loop.
 */
public final class Waker implements AutoCloseable {
  private final Pipe pipe;
  private final AtomicBoolean sleeping = new AtomicBoolean();
  private final ByteBuffer one = ByteBuffer.allocate(1);
  private final ByteBuffer sink = ByteBuffer.allocate(64);

  public Waker() {
    try {
      pipe = Pipe.open();
      pipe.source().configureBlocking(false);
      pipe.sink().configureBlocking(false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The channel the loop adds to its poll set for reading. */
  public SelectableChannel channel() {
    return pipe.source();
  }

  /**
   * Loop thread: announce that it will block. It must then re-check its queues before polling, so
   * work enqueued just before arming is not missed.
   */
  public void armed() {
    sleeping.set(true);
  }

  /** Loop thread: it is running again; drains wake-up bytes. */
  public void disarm() {
    sleeping.set(false);
    try {
      while (pipe.source().read(sink.clear()) > 0) {
        // drained; the bytes carry no meaning
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any thread: make a blocked poll return. Cheap when the loop is not asleep. */
  public void wake() {
    if (sleeping.compareAndSet(true, false)) {
      synchronized (one) {
        try {
          pipe.sink().write(one.clear());
        } catch (IOException e) {
          // Closed during shutdown: the loop is going away, nobody is left to wake.
        }
      }
    }
  }

  @Override
  public void close() {
    try {
      pipe.sink().close();
      pipe.source().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
