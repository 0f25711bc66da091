package io.onex.bus.transport;

import java.nio.ByteBuffer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import zmq.Msg;

/**
 * The only place onex-bus creates ZeroMQ sockets, so that none escapes without its limits (the
 * benchmark's raw JeroMQ peer, which measures plain JeroMQ, sets its own). The returned socket
 * belongs to the calling thread's loop from then on: JeroMQ sockets are not thread-safe. The
 * factory methods themselves may be called from any thread.
 */
public final class Sockets {
  /** How long a ZMTP handshake may take before the connection is dropped and retried. */
  static final int HANDSHAKE_MILLIS = 1000;

  private Sockets() {}

  /**
   * A broker's ROUTER. {@code ROUTER_MANDATORY} makes a send to a full or vanished peer fail
   * instead of being dropped silently, so the broker sees and counts every undeliverable batch.
   */
  public static ZMQ.Socket router(ZContext context, SocketLimits limits) {
    ZMQ.Socket s = create(context, SocketType.ROUTER, limits);
    s.setRouterMandatory(true);
    return s;
  }

  /** A client's DEALER towards one broker. */
  public static ZMQ.Socket dealer(ZContext context, SocketLimits limits) {
    ZMQ.Socket s = create(context, SocketType.DEALER, limits);
    // Queue nothing for a broker that is not connected yet: the handshake is the first message.
    s.setImmediate(true);
    return s;
  }

  /**
   * Sends {@code frame[0, length)} as one message without copying it ({@code Socket.send(byte[],
   * off, len, flags)} would). The window is a slice: JeroMQ 0.6.0's encoder sends a large message
   * up to its buffer's capacity, so a plain {@code wrap(frame, 0, length)} puts the rest of the
   * array on the wire and breaks the stream. Returns what {@code send} returns. Owner thread only.
   */
  public static boolean sendWindow(ZMQ.Socket socket, byte[] frame, int length, int flags) {
    if (length == frame.length) {
      return socket.send(frame, flags);
    }
    return socket.sendMsg(new Msg(ByteBuffer.wrap(frame, 0, length).slice()), flags);
  }

  private static ZMQ.Socket create(ZContext context, SocketType type, SocketLimits limits) {
    ZMQ.Socket s = context.createSocket(type);
    s.setMaxMsgSize(limits.maxMessageBytes());
    s.setSndHWM(limits.sendHighWaterMark());
    s.setRcvHWM(limits.receiveHighWaterMark());
    s.setHeartbeatIvl((int) limits.heartbeatInterval().toMillis());
    s.setHeartbeatTimeout((int) limits.heartbeatTimeout().toMillis());
    s.setHeartbeatTtl((int) limits.heartbeatTimeout().toMillis());
    s.setLinger((int) limits.linger().toMillis());
    // JeroMQ 0.6.0 leaves about 2% of fresh loopback connections stuck in the ZMTP handshake,
    // passing no message at all (zeromq/jeromq #849, #957; reproduced here). A short handshake
    // deadline makes ZeroMQ drop such a connection and reconnect, instead of waiting 30 s.
    s.setHandshakeIvl(HANDSHAKE_MILLIS);
    return s;
  }
}
