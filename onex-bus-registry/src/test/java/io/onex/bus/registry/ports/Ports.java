package io.onex.bus.registry.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.util.function.IntPredicate;

/** Checks shared by the port tests, done with plain JDK sockets rather than the code under test. */
final class Ports {
  /** No port is leased. */
  static final IntPredicate NONE_LEASED = port -> false;

  /** The registry's own pid, which the port server accepts. */
  static final long PID = ProcessHandle.current().pid();

  private Ports() {}

  /** Binds {@code port} for TCP (listening) and UDP on the wildcard address, then lets go. */
  /** A TCP listener on every interface, on a port the kernel picks; held until closed. */
  static java.net.ServerSocket wildcardListener() throws java.io.IOException {
    java.net.ServerSocket s = new java.net.ServerSocket();
    s.bind(new java.net.InetSocketAddress(0));
    return s;
  }

  static void assertBindable(int port) {
    try (ServerSocket tcp = new ServerSocket(port);
        DatagramSocket udp = new DatagramSocket(port)) {
      assertThat(tcp.getLocalPort()).isEqualTo(port);
      assertThat(udp.getLocalPort()).isEqualTo(port);
    } catch (IOException e) {
      fail("port " + port + " was handed out but cannot be bound: " + e, e);
    }
  }
}
