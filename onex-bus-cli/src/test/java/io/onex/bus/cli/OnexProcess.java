package io.onex.bus.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * One real {@code onex} process (the shaded jar in a separate JVM) with its stdout and stderr
 * collected line by line by two reader threads. Test thread only.
 */
final class OnexProcess implements AutoCloseable {
  private static final Path JAR = Path.of("target", "onex.jar");
  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private final List<Thread> readers = new ArrayList<>();

  private OnexProcess(Process process) {
    this.process = process;
    readers.add(pump(process.getInputStream(), out));
    readers.add(pump(process.getErrorStream(), err));
  }

  static OnexProcess start(Path home, String... args) {
    return start(home, Map.of(), args);
  }

  /** As {@link #start(Path, String...)}, with these environment variables set for the process. */
  static OnexProcess start(Path home, Map<String, String> env, String... args) {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(
          JAR.toAbsolutePath() + " is missing: run the package phase first");
    }
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("ONEX_HOME", home.toString());
    pb.environment().remove("ONEX_HTTP");
    pb.environment().remove("ONEX_SCHED_POLICY");
    pb.environment().putAll(env);
    try {
      return new OnexProcess(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Thread pump(java.io.InputStream in, List<String> sink) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  sink.add(line);
                }
              } catch (IOException e) {
                // the process went away; what was read stays
              }
            },
            "onex-process-reader");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The process id, e.g. to read its threads under {@code /proc}. */
  long pid() {
    return process.pid();
  }

  List<String> out() {
    return out;
  }

  List<String> err() {
    return err;
  }

  void awaitLine(String text, Duration timeout) {
    Awaitility.await()
        .atMost(timeout)
        .failFast("process exited: " + err, () -> !process.isAlive() && !out.contains(text))
        .until(() -> out.contains(text));
  }

  /** The process's exit code, failing the test if it does not exit in time. */
  int waitFor(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("process did not exit within " + timeout + "; stderr: " + err);
      }
      for (Thread t : readers) {
        t.join(5_000);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * SIGTERM, as an operator's supervisor would send. Through the process handle: {@code
   * Process.destroy()} also closes our ends of the child's stdout and stderr, which would lose
   * everything it writes while stopping.
   */
  void terminate() {
    process.toHandle().destroy();
  }

  /** SIGKILL: the process gets no chance to clean up, as after a crash or an OOM kill. */
  void kill() {
    process.toHandle().destroyForcibly();
  }

  /** The text after {@code prefix} on the first stdout line that starts with it. */
  String lineValue(String prefix) {
    return out.stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).trim())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in " + out));
  }

  /**
   * Bus {@code name} as {@code onex buses --json} lists it for the deployment under {@code home},
   * or null when it is not listed.
   */
  static com.fasterxml.jackson.databind.JsonNode bus(Path home, String name) throws IOException {
    try (OnexProcess buses = start(home, "buses", "--json")) {
      if (buses.waitFor(Duration.ofSeconds(60)) != 0) {
        throw new AssertionError("onex buses failed: " + buses.err());
      }
      var list =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(String.join("", buses.out()));
      for (var b : list) {
        if (b.path("name").asText().equals(name)) {
          return b;
        }
      }
      return null;
    }
  }

  /** The subscriptions bus {@code name} reports, or -1 when it is not listed. */
  static int subscriberCount(Path home, String name) throws IOException {
    var b = bus(home, name);
    return b == null ? -1 : b.path("subscriber_count").asInt();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
