package io.onex.bus.registry.ports;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks whether a port is free on this host, the way portpicker's {@code is_port_free} does: it
 * can be bound right now for TCP (listening, with {@code SO_REUSEADDR}) and for UDP, on the
 * wildcard address. The answer is only a snapshot; nothing is held once a method returns.
 * Stateless; any thread.
 */
public final class PortProbe {
  /** portpicker's count of kernel-assigned ports to try before giving up. */
  private static final int KERNEL_ATTEMPTS = 10;

  private PortProbe() {}

  /**
   * Whether {@code port} can be bound for both TCP and UDP on the wildcard address right now.
   *
   * @throws IllegalArgumentException when {@code port} is not 1..65535
   */
  public static boolean isFree(int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535 (was " + port + ")");
    }
    return bindsTcp(port) != 0 && bindsUdp(port);
  }

  /**
   * A port the kernel picked for a TCP bind of port 0 that is also free for UDP, or 0 when none
   * came up in a few tries. Kernel ports come from the ephemeral range, where outgoing connections
   * may take them at any time, so callers prefer ports of their own choosing and use this last.
   */
  public static int kernelAssigned() {
    for (int i = 0; i < KERNEL_ATTEMPTS; i++) {
      // TCP first, as portpicker does: some kernels hand UDP the same port over and over.
      int port = bindsTcp(0);
      if (port != 0 && bindsUdp(port)) {
        return port;
      }
    }
    return 0;
  }

  /** The port bound (the kernel's choice for 0), or 0 when the bind failed. */
  private static int bindsTcp(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // Like portpicker: connections in TIME_WAIT do not make a port busy, a listener does.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port), 1);
      return socket.getLocalPort();
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean bindsUdp(int port) {
    // No SO_REUSEADDR here, unlike portpicker: without it a port that anyone holds for UDP, with
    // or without the option, counts as busy, which is the stricter and safer answer.
    try (DatagramSocket socket = new DatagramSocket(null)) {
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
