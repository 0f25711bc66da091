package io.onex.bus.registry.ports;

import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.onex.bus.registry.ports.PortServerException.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The real portpicker port server, {@code /usr/bin/portserver}, as a child process serving a static
 * pool on a fresh address. Close it in {@code @AfterEach}.
 */
final class PortServerProcess implements AutoCloseable {
  static final Path PORTSERVER = Path.of("/usr/bin/portserver");

  /** Where the test's port server listens. */
  enum AddressKind {
    /** {@code @name}: Linux's abstract namespace, portpicker's default kind of address. */
    ABSTRACT,
    /** A socket file in the test's temporary directory. */
    PATH;

    String address(Path dir) {
      return this == ABSTRACT
          ? "@onex-test-portserver-" + UUID.randomUUID()
          : dir.resolve("portserver.sock").toString();
    }
  }

  final String address;
  final int low;
  final int high;
  private final Path log;
  private final Process process;

  private PortServerProcess(String address, int low, int high, Path log, Process process) {
    this.address = address;
    this.low = low;
    this.high = high;
    this.log = log;
    this.process = process;
  }

  /** A pool of {@code size} ports at a random base in 30000-33000, away from common services. */
  static PortServerProcess startWithRandomPool(String address, int size, Path dir)
      throws IOException {
    // Below Linux's default ephemeral range (32768-60999): a pool port must not be taken meanwhile
    // by the kernel for some client's connection, or the server passes it over and the test sees
    // a port from outside its pool.
    int low = ThreadLocalRandom.current().nextInt(20000, 32000 - size + 1);
    return start(address, low, low + size - 1, dir);
  }

  /** Starts the server on {@code low..high} and waits until it answers. */
  static PortServerProcess start(String address, int low, int high, Path dir) throws IOException {
    if (!Files.isExecutable(PORTSERVER)) {
      fail(
          PORTSERVER
              + " is missing: these tests run the real portpicker port server;"
              + " apt-get install python3-portpicker");
    }
    Path log = dir.resolve("portserver-" + UUID.randomUUID() + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                PORTSERVER.toString(),
                "--portserver_static_pool=" + low + "-" + high,
                "--portserver_address=" + address)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // Its shebang runs the system python3, which has psutil; keep a developer's python setup out.
    builder.environment().remove("PYTHONPATH");
    builder.environment().remove("PYTHONHOME");
    PortServerProcess server = new PortServerProcess(address, low, high, log, builder.start());
    server.awaitServing();
    return server;
  }

  /**
   * Until the server answers a request. It refuses pid 1 (init) with an empty reply, so the
   * readiness check costs no port from the pool.
   */
  private void awaitServing() {
    PortServerClient client = new PortServerClient(address);
    await("port server at " + address + " answering")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (!process.isAlive()) {
                fail(
                    "portserver exited with " + process.exitValue() + "; its output:\n" + output());
              }
              try {
                client.requestPort(1);
                return fail("portserver gave a port to pid 1");
              } catch (PortServerException e) {
                return e.failure() == Failure.EMPTY_REPLY;
              }
            });
  }

  boolean inPool(int port) {
    return port >= low && port <= high;
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** Stops the server and waits until it is gone: SIGTERM, then SIGKILL if it lingers. */
  @Override
  public void close() {
    process.toHandle().destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
