package io.onex.bus.registry.ports;

import io.onex.bus.registry.ports.PortServerException.Failure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Asks the portpicker port server ({@code portserver}, Debian package python3-portpicker) for a
 * port, one connection per request. The protocol is portpicker's: send the pid in ASCII and a
 * newline; the reply is a port number and a newline, and the server closes without a reply when it
 * has no free port or refuses the pid. The server hands the port to that pid until the process
 * dies, and refuses pids of processes that do not exist.
 *
 * <p>The address is a filesystem path of a Unix socket, or starts with {@code @} for a name in
 * Linux's abstract namespace (the JDK's own Unix-domain channels cannot reach those, hence
 * junixsocket, see {@link JunixSockets}). Immutable; any thread, concurrently.
 */
public final class PortServerClient {
  /** For connecting plus the whole exchange. A healthy server answers in milliseconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /** "65535\n" is 6 bytes; a reply this long without a newline is garbage anyway. */
  private static final int MAX_REPLY = 64;

  /** How much of a garbage reply the exception message quotes. */
  private static final int QUOTE_AT_MOST = 32;

  private final String address;
  private final Duration timeout;

  /** With {@link #DEFAULT_TIMEOUT}. */
  public PortServerClient(String address) {
    this(address, DEFAULT_TIMEOUT);
  }

  /**
   * @param address a socket path, or {@code @name} for the abstract namespace
   * @param timeout for connecting and the whole exchange; positive
   * @throws IllegalArgumentException when the address is empty or not a possible path
   */
  public PortServerClient(String address, Duration timeout) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(timeout, "timeout");
    if (address.isBlank() || address.equals("@")) {
      throw new IllegalArgumentException("port server address is empty (was '" + address + "')");
    }
    if (!address.startsWith("@")) {
      try {
        Path.of(address);
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("port server address is not a path: " + address, e);
      }
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive (was " + timeout + ")");
    }
    this.address = address;
    this.timeout = timeout;
  }

  /** The address as configured: a path or {@code @name}. */
  public String address() {
    return address;
  }

  /**
   * A port that the server now holds for {@code pid} until that process exits.
   *
   * @param pid a running process; the registry passes its own
   * @throws PortServerException when the server cannot be reached, is too slow, has no port or
   *     answers something that is not a port
   */
  public int requestPort(long pid) throws PortServerException {
    if (pid <= 0) {
      throw new IllegalArgumentException("pid must be positive (was " + pid + ")");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Socket socket = null;
    try {
      try {
        socket = JunixSockets.newSocket();
        socket.connect(JunixSockets.address(address), timeoutMillis());
      } catch (SocketTimeoutException e) {
        throw failed(
            Failure.TIMED_OUT, "timed out connecting after " + timeout.toMillis() + " ms", e);
      } catch (IOException e) {
        throw failed(Failure.CANNOT_CONNECT, "cannot connect (is it running?): " + e, e);
      }
      byte[] reply;
      try {
        OutputStream out = socket.getOutputStream();
        out.write((pid + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        reply = readReply(socket, deadline);
      } catch (SocketTimeoutException e) {
        throw failed(
            Failure.TIMED_OUT,
            "timed out waiting for a reply after " + timeout.toMillis() + " ms",
            e);
      } catch (IOException e) {
        throw failed(Failure.IO_ERROR, "connection failed during the request: " + e, e);
      }
      return parse(reply, pid);
    } finally {
      closeQuietly(socket);
    }
  }

  private int timeoutMillis() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
  }

  /** Up to the first newline, the end of the stream, or {@link #MAX_REPLY} bytes. */
  private static byte[] readReply(Socket socket, long deadline) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    byte[] chunk = new byte[MAX_REPLY];
    while (reply.size() < MAX_REPLY) {
      long leftMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      if (leftMillis <= 0) {
        throw new SocketTimeoutException("deadline passed");
      }
      // A fresh timeout per read, so that a server dribbling bytes still cannot exceed the
      // deadline.
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
      int n = in.read(chunk, 0, MAX_REPLY - reply.size());
      if (n < 0) {
        break;
      }
      reply.write(chunk, 0, n);
      if (indexOfNewline(chunk, n) >= 0) {
        break;
      }
    }
    return reply.toByteArray();
  }

  private int parse(byte[] reply, long pid) throws PortServerException {
    if (reply.length == 0) {
      throw failed(
          Failure.EMPTY_REPLY,
          "gave no port for pid "
              + pid
              + ": it has none free, or refused the pid (it serves only running processes)",
          null);
    }
    int end = indexOfNewline(reply, reply.length);
    // portpicker also accepts a number cut off by the end of the stream, so this does too.
    int digits = end >= 0 ? end : reply.length;
    int port = 0;
    boolean number = digits >= 1 && digits <= 5;
    for (int i = 0; number && i < digits; i++) {
      number = reply[i] >= '0' && reply[i] <= '9';
      port = port * 10 + (reply[i] - '0');
    }
    if (!number || port < 1 || port > 65535) {
      throw failed(
          Failure.GARBAGE_REPLY,
          "answered garbage instead of a port number: " + quote(reply),
          null);
    }
    return port;
  }

  private PortServerException failed(Failure failure, String what, Throwable cause) {
    return new PortServerException(failure, "port server at " + address + " " + what, cause);
  }

  private static int indexOfNewline(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The first bytes in double quotes, unprintable ones escaped, so logs stay one clean line. */
  static String quote(byte[] bytes) {
    StringBuilder s = new StringBuilder("\"");
    int shown = Math.min(bytes.length, QUOTE_AT_MOST);
    for (int i = 0; i < shown; i++) {
      int b = bytes[i] & 0xff;
      switch (b) {
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        default -> {
          if (b >= 0x20 && b < 0x7f) {
            s.append((char) b);
          } else {
            s.append(String.format("\\x%02x", b));
          }
        }
      }
    }
    s.append('"');
    if (bytes.length > shown) {
      s.append("... (").append(bytes.length);
      s.append(bytes.length >= MAX_REPLY ? " bytes or more)" : " bytes)");
    }
    return s.toString();
  }

  private static void closeQuietly(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // The answer, good or bad, is already in hand; a failed close changes nothing about it.
      }
    }
  }

  @Override
  public String toString() {
    return "PortServerClient[" + address + "]";
  }
}
