package io.onex.bus.cli.http;

import io.javalin.Javalin;
import io.onex.bus.broker.Broker;
import io.onex.bus.config.HttpConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API of {@code onex up}: {@code GET /api/v1/buses}, {@code /api/v1/buses/{name}} and
 * {@code /healthz}, snake_case JSON. It reads broker snapshots, never loop state. Javalin's threads
 * serve requests; {@link #start} and {@link #close} are called from the main thread.
 */
public final class HttpApi implements AutoCloseable {
  private final Javalin app;
  private final BusViews views;

  private HttpApi(Javalin app, BusViews views) {
    this.app = app;
    this.views = views;
  }

  /** Starts serving on the configured address (port 0 = ephemeral). */
  public static HttpApi start(HttpConfig config, List<Broker> brokers) {
    BusViews views = new BusViews(brokers);
    Javalin app =
        Javalin.create(c -> c.showJavalinBanner = false)
            .get("/healthz", ctx -> ctx.json(Map.of("status", "ok")))
            .get("/api/v1/buses", ctx -> ctx.json(views.all()))
            .get(
                "/api/v1/buses/{name}",
                ctx -> {
                  var bus = views.one(ctx.pathParam("name"));
                  if (bus == null) {
                    ctx.status(404).json(notFound("bus", ctx.pathParam("name")));
                  } else {
                    ctx.json(bus);
                  }
                });
    app.start(config.host(), config.port());
    views.startSampling();
    return new HttpApi(app, views);
  }

  private static Map<String, Object> notFound(String what, String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", "NOT_FOUND");
    m.put("message", "no " + what + " named '" + name + "'");
    m.put("offending", name);
    return m;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://" + hostForUrl() + ":" + app.port();
  }

  private String hostForUrl() {
    return "127.0.0.1";
  }

  @Override
  public void close() {
    views.close();
    app.stop();
  }
}
