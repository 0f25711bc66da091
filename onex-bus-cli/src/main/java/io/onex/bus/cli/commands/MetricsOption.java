package io.onex.bus.cli.commands;

import io.javalin.Javalin;
import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.client.ClientMetrics;
import io.onex.bus.observability.metrics.ProcessMetrics;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code --metrics-port}: a consuming command ({@code subscribe}, {@code event-monitor}) serves its
 * own {@code /metrics} (the client's delivery latency histogram and the JVM's) on 127.0.0.1, and
 * prints the URL on stderr so that stdout stays the event stream. Without the option nothing is
 * started and the client measures nothing. Main thread; Javalin's threads serve scrapes.
 */
final class MetricsOption implements AutoCloseable {
  @Option(
      names = "--metrics-port",
      description =
          "serve Prometheus /metrics (delivery latency, JVM) on 127.0.0.1:PORT (0 = any free"
              + " port; the URL is printed on stderr)")
  Integer port;

  private Javalin server;
  private ClientMetrics metrics;

  /** Starts the endpoint when asked for; the metrics the clients record into, or null. */
  ClientMetrics start(PrintWriter err) {
    if (port == null) {
      return null;
    }
    if (port < 0 || port > 65_535) {
      throw new CliException(
          OnexCommand.EXIT_USAGE, "--metrics-port must be 0..65535, was " + port);
    }
    ProcessMetrics process = new ProcessMetrics();
    metrics = new ClientMetrics(process.registry());
    try {
      server =
          Javalin.create(c -> c.showJavalinBanner = false)
              .get(
                  "/metrics",
                  ctx -> ctx.contentType(process.contentType()).result(process.scrape()))
              .start("127.0.0.1", port);
    } catch (RuntimeException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "cannot serve metrics on 127.0.0.1:" + port + ": " + e);
    }
    err.printf("onex: metrics http://127.0.0.1:%d/metrics%n", server.port());
    err.flush();
    return metrics;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop();
    }
  }
}
