package io.onex.bus.registry.ports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.newsclub.net.unix.AFUNIXServerSocket;

/**
 * A misbehaving port server on a Unix socket: it reads each request and answers with fixed bytes,
 * closes without a word (empty reply), or never answers ({@code reply} null). Records the requests
 * it read. Close it after the test.
 */
final class FakePortServer implements AutoCloseable {
  /** The requests read, as text, in arrival order. */
  final BlockingQueue<String> requests = new LinkedBlockingQueue<>();

  private final ServerSocket server;
  private final byte[] reply;
  private final List<Socket> silent = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  /**
   * @param address a socket path or {@code @name}
   * @param reply the bytes to answer with (empty: close at once), or null to never answer
   */
  FakePortServer(String address, byte[] reply) throws IOException {
    this.reply = reply;
    server = AFUNIXServerSocket.newInstance();
    server.bind(JunixSockets.address(address));
    acceptor = new Thread(this::serve, "fake-port-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void serve() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // closed by close()
      }
      try {
        requests.add(readLine(client.getInputStream()));
        if (reply == null) {
          silent.add(client); // held open until close(), so the client waits for nothing
          continue;
        }
        client.getOutputStream().write(reply);
        client.close();
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  /** Up to and including the newline, at most 100 bytes, like portserver's single read. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while (line.size() < 100 && (b = in.read()) >= 0) {
      line.write(b);
      if (b == '\n') {
        break;
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // the test is over for this connection either way
    }
  }

  @Override
  public void close() throws IOException {
    try {
      server.close();
    } catch (SocketException e) {
      // already closed
    }
    silent.forEach(FakePortServer::closeQuietly);
    try {
      acceptor.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
