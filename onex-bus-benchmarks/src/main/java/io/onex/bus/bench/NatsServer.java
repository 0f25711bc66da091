package io.onex.bus.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.locks.LockSupport;

/**
 * The NATS server the harness measures against: the one answering on 127.0.0.1:4222 if there is
 * one, else Debian's {@code nats-server} started on that port for the run and stopped after it.
 * Harness thread only.
 */
public final class NatsServer implements AutoCloseable {
  static final int PORT = 4222;
  private final Process started;

  private NatsServer(Process started) {
    this.started = started;
  }

  public static NatsServer ensureRunning() throws IOException {
    if (answers()) {
      return new NatsServer(null);
    }
    Process p =
        new ProcessBuilder("nats-server", "-a", "127.0.0.1", "-p", Integer.toString(PORT))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!answers()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("nats-server did not start on 127.0.0.1:" + PORT);
      }
      LockSupport.parkNanos(50_000_000);
    }
    return new NatsServer(p);
  }

  public String url() {
    return "nats://127.0.0.1:" + PORT;
  }

  private static boolean answers() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", PORT), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    if (started != null) {
      started.destroy();
    }
  }
}
