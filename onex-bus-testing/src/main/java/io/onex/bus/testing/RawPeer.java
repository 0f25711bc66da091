package io.onex.bus.testing;

import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.transport.SocketLimits;
import io.onex.bus.transport.Sockets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A scripted protocol peer: one DEALER that sends exactly the bytes a test gives it (valid frames,
 * broken ones, multipart messages) and reads the broker's answers. For protocol and bad-input
 * tests. Owned by the test thread that created it.
 */
public final class RawPeer implements AutoCloseable {
  private final ZContext context = new ZContext(1);
  private final ZMQ.Socket socket;
  private long sessionId = -1;

  public RawPeer(String endpoint) {
    socket = Sockets.dealer(context, SocketLimits.DEFAULT.withMaxMessageBytes(64 << 20));
    socket.connect(endpoint);
  }

  /**
   * Sends HELLO and returns the WELCOME, repeating HELLO (same hello_id) every 250 ms as the
   * protocol asks, since ZeroMQ may lose a message sent while the connection is set up.
   */
  public Frame.Welcome hello(String nodeId) {
    String helloId = Long.toHexString(System.nanoTime());
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      send(new Frame.Hello(nodeId, "raw-peer", "", Map.of("hello_id", helloId)));
      socket.setReceiveTimeOut(250);
      byte[] bytes = socket.recv(0);
      if (bytes != null) {
        Frame.Welcome welcome = (Frame.Welcome) decode(bytes);
        sessionId = welcome.sessionId();
        return welcome;
      }
    }
    throw new AssertionError("no WELCOME within 5 s");
  }

  public void send(Frame frame) {
    sendBytes(FrameCodec.encode(frame));
  }

  public void sendBytes(byte[] bytes) {
    socket.send(bytes, 0);
  }

  /** Sends a message of several parts (which the protocol forbids). */
  public void sendMultipart(byte[]... parts) {
    for (int i = 0; i < parts.length; i++) {
      socket.send(parts[i], i < parts.length - 1 ? ZMQ.SNDMORE : 0);
    }
  }

  /**
   * The next frame, or an AssertionError if none comes in time. A repeated WELCOME of this peer's
   * session (the answer to a retried HELLO) is skipped.
   */
  public Frame receive(Duration timeout) {
    while (true) {
      Frame f = decode(receiveBytes(timeout));
      if (!(f instanceof Frame.Welcome w && w.sessionId() == sessionId)) {
        return f;
      }
    }
  }

  /**
   * The next frame's bytes as they came off the wire, or an AssertionError if none comes in time.
   */
  public byte[] receiveBytes(Duration timeout) {
    long left = timeout.toMillis();
    if (left <= 0) {
      throw new AssertionError("no frame within " + timeout);
    }
    socket.setReceiveTimeOut((int) Math.min(Integer.MAX_VALUE, left));
    byte[] bytes = socket.recv(0);
    if (bytes == null) {
      throw new AssertionError("no frame within " + timeout);
    }
    return bytes;
  }

  private static Frame decode(byte[] bytes) {
    try {
      return FrameCodec.decode(bytes);
    } catch (ProtocolException e) {
      throw new AssertionError("the broker sent an undecodable frame: " + e.getMessage(), e);
    }
  }

  /** Frames until {@code last} frames of type {@code until} arrived, in order. */
  public List<Frame> receiveUntil(Class<? extends Frame> until, Duration timeout) {
    List<Frame> frames = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      Frame f = receive(Duration.ofMillis(left));
      frames.add(f);
      if (until.isInstance(f)) {
        return frames;
      }
    }
  }

  @Override
  public void close() {
    socket.close();
    context.close();
  }
}
