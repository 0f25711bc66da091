package io.onex.bus.bench.flow;

import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.transport.SocketLimits;
import io.onex.bus.transport.Sockets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A session with a broker on a bare DEALER, speaking the wire protocol directly: HELLO until the
 * WELCOME comes, then whatever frames the caller sends. For peers whose client-side state must not
 * count or must not behave like a {@code BusClient} (a subscriber that never grants credit, a
 * thousand subscriptions whose memory is the broker's alone). Not the testing module's {@code
 * RawPeer}: that module puts JUnit on the compile classpath, and the benchmark ships inside the CLI
 * jar. The thread that opened it only.
 */
final class RawSession {
  private static final int RECEIVE_TIMEOUT_MILLIS = 250;

  private final ZMQ.Socket socket;

  private RawSession(ZMQ.Socket socket) {
    this.socket = socket;
  }

  /**
   * Connects and says HELLO (repeated every 250 ms with the same hello_id) until the WELCOME comes;
   * throws if none comes within 5 s.
   */
  static RawSession open(ZContext context, String endpoint, String nodeId)
      throws ProtocolException {
    ZMQ.Socket socket = Sockets.dealer(context, SocketLimits.DEFAULT);
    socket.connect(endpoint);
    socket.setReceiveTimeOut(RECEIVE_TIMEOUT_MILLIS);
    RawSession s = new RawSession(socket);
    String helloId = Long.toHexString(System.nanoTime());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      s.send(new Frame.Hello(nodeId, "onex-bench", "", Map.of("hello_id", helloId)));
      if (s.receive() instanceof Frame.Welcome) {
        return s;
      }
    }
    throw new IllegalStateException("no WELCOME for " + nodeId + " within 5 s");
  }

  void send(Frame f) {
    socket.send(FrameCodec.encode(f), 0);
  }

  /** The next frame, or null when none came within 250 ms. */
  Frame receive() throws ProtocolException {
    byte[] bytes = socket.recv(0);
    return bytes == null ? null : FrameCodec.decode(bytes);
  }

  /** The reply to request {@code ref}: its ACK; an ERROR, or nothing within 10 s, throws. */
  Frame.Ack awaitAck(int ref) throws ProtocolException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Frame f = receive();
      if (f instanceof Frame.Ack a && a.ref() == ref) {
        return a;
      }
      if (f instanceof Frame.Error e && e.ref() == ref) {
        throw new IllegalStateException("request " + ref + " refused: " + e.message());
      }
    }
    throw new IllegalStateException("no reply to request " + ref + " within 10 s");
  }

  /**
   * A PING and its PONG, which keeps the session alive (brokers reap silent ones); 10 s at most.
   */
  void ping(long nonce) throws ProtocolException {
    send(new Frame.Ping(nonce));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (receive() instanceof Frame.Pong p && p.nonce() == nonce) {
        return;
      }
    }
    throw new IllegalStateException("no PONG within 10 s");
  }

  /**
   * Says BYE, so the broker frees the session at once. The socket closes with its context, whose
   * linger lets the BYE out.
   */
  void bye(String reason) {
    send(new Frame.Bye(0, reason));
  }
}
