package io.onex.bus.registry.ports;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Unix-domain sockets from junixsocket, used as plain {@link Socket} and {@link SocketAddress}: the
 * JDK's own Unix-domain channels cannot address Linux's abstract namespace, where the portpicker
 * port server usually listens. Any thread.
 */
final class JunixSockets {
  private JunixSockets() {}

  /** An unconnected Unix-domain stream socket. */
  static Socket newSocket() throws IOException {
    return AFUNIXSocket.newInstance();
  }

  /**
   * The socket address for {@code address}: a filesystem path, or {@code @name} for {@code name} in
   * Linux's abstract namespace, as portpicker writes it.
   */
  static SocketAddress address(String address) throws IOException {
    if (address.startsWith("@")) {
      return AFUNIXSocketAddress.inAbstractNamespace(address.substring(1));
    }
    return AFUNIXSocketAddress.of(Path.of(address));
  }
}
