package io.onex.bus.cli.deploy;

import io.javalin.Javalin;
import io.onex.bus.observability.metrics.ProcessMetrics;
import java.util.Map;

/**
 * The HTTP endpoint of a process that runs buses without the registry ({@code onex bus start}):
 * {@code GET /metrics} (Prometheus text format) and {@code /healthz}. A scrape reads only the
 * brokers' published snapshots, so it answers during a shutdown too. Javalin's threads serve;
 * {@link #start} and {@link #close} are called from one thread.
 */
public final class MetricsHttp implements AutoCloseable {
  private final Javalin app;
  private final String url;

  private MetricsHttp(Javalin app) {
    this.app = app;
    this.url = "http://127.0.0.1:" + app.port();
  }

  /** Serves {@code metrics} on {@code host}, port {@code port} (0: any free port). */
  public static MetricsHttp start(String host, int port, ProcessMetrics metrics) {
    Javalin app =
        Javalin.create(c -> c.showJavalinBanner = false)
            .get("/healthz", ctx -> ctx.json(Map.of("status", "ok")))
            .get(
                "/metrics", ctx -> ctx.contentType(metrics.contentType()).result(metrics.scrape()));
    app.start(host, port);
    return new MetricsHttp(app);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return url;
  }

  @Override
  public void close() {
    app.stop();
  }
}
