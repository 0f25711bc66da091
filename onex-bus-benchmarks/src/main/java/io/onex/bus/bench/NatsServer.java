package io.onex.bus.bench;

import io.onex.bus.transport.sched.ThreadPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NATS server the harness measures against: the one answering on 127.0.0.1:4222 if there is
 * one, else Debian's {@code nats-server} started on that port for the run and stopped after it; or,
 * where the server's own process is measured ({@link #startPrivate}), one started for this harness
 * alone on ephemeral ports. Harness thread only.
 */
public final class NatsServer implements AutoCloseable {
  static final int PORT = 4222;
  private static final Pattern CLIENT_URL = Pattern.compile("\"nats\":\\[\"([^\"]+)\"");
  private static final Pattern MONITOR_URL = Pattern.compile("\"monitoring\":\\[\"([^\"]+)\"");
  private final Process started;
  private final String url;
  private final String monitoringUrl;

  private NatsServer(Process started, String url, String monitoringUrl) {
    this.started = started;
    this.url = url;
    this.monitoringUrl = monitoringUrl;
  }

  public static NatsServer ensureRunning() throws IOException {
    if (answers()) {
      return new NatsServer(null, "nats://127.0.0.1:" + PORT, null);
    }
    Process p =
        new ProcessBuilder(serverCommand("-a", "127.0.0.1", "-p", Integer.toString(PORT)))
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
    return new NatsServer(p, "nats://127.0.0.1:" + PORT, null);
  }

  /**
   * A {@code nats-server} of this harness alone: loopback, ephemeral client and monitoring ports
   * (read back from the ports file it writes into {@code portsDir}), so that its process holds
   * nothing but what this harness puts there. Stopped by {@link #close()}.
   */
  public static NatsServer startPrivate(Path portsDir) throws IOException {
    Process p =
        new ProcessBuilder(
                serverCommand(
                    "-a",
                    "127.0.0.1",
                    "-p",
                    "-1",
                    "-m",
                    "-1",
                    "--ports_file_dir",
                    portsDir.toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    Path ports = portsDir.resolve("nats-server_" + p.pid() + ".ports");
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      if (Files.exists(ports)) {
        String json = Files.readString(ports);
        Matcher client = CLIENT_URL.matcher(json);
        Matcher monitor = MONITOR_URL.matcher(json);
        if (client.find() && monitor.find()) {
          return new NatsServer(p, client.group(1), monitor.group(1));
        }
      }
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("nats-server wrote no ports file into " + portsDir + " within 10 s");
      }
      LockSupport.parkNanos(50_000_000);
    }
  }

  /**
   * {@code nats-server} with {@code args}; when this process runs under SCHED_BATCH (as {@code onex
   * bench} does), started through {@code chrt --other 0} so that the peer runs under the kernel's
   * default policy, as a {@code nats-server} started by its own service would, rather than
   * inheriting ours.
   */
  private static List<String> serverCommand(String... args) {
    List<String> command = new ArrayList<>();
    if (ThreadPolicy.callerIsBatch()) {
      command.addAll(List.of("chrt", "--other", "0"));
    }
    command.add("nats-server");
    command.addAll(List.of(args));
    return command;
  }

  public String url() {
    return url;
  }

  /** The monitoring endpoint ({@code http://127.0.0.1:<port>}) of a private server, else null. */
  public String monitoringUrl() {
    return monitoringUrl;
  }

  /** The server's process id when this harness started it, else -1. */
  public long pid() {
    return started == null ? -1 : started.pid();
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
      try {
        started.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
