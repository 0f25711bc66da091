package io.onex.bus.registry.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.onex.bus.config.HttpConfig;
import io.onex.bus.observability.metrics.ProcessMetrics;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.registry.Registry;
import io.onex.bus.registry.api.RegistryViews;
import io.onex.bus.registry.schema.SchemaRegistry;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's HTTP JSON API: {@code GET /api/v1/buses[/{name}]}, {@code /api/v1/nodes[/{id}]},
 * {@code /api/v1/leases}, {@code /api/v1/topics}, {@code /metrics} (Prometheus) and {@code
 * /healthz}, snake_case fields, the same documents QUERY returns; the topic schemas under {@code
 * /api/v1/schemas}, which may also be registered and deleted ({@link SchemaRoutes}); and {@code
 * GET/PUT/DELETE /api/v1/buses/{name}/debug}, a bus's debug mode ({@link DebugRoutes}). Javalin's
 * threads serve requests; {@link #start} and {@link #close} are called from one thread.
 */
public final class RegistryHttpApi implements AutoCloseable {
  private final Javalin app;
  private final SchemaRoutes schemaRoutes;
  private final DebugRoutes debug;

  private RegistryHttpApi(Javalin app, SchemaRoutes schemaRoutes, DebugRoutes debug) {
    this.app = app;
    this.schemaRoutes = schemaRoutes;
    this.debug = debug;
  }

  /**
   * Starts serving on the configured address (port 0 = ephemeral).
   *
   * @param schemas the topic schemas served under {@code /api/v1/schemas}
   * @param metrics what {@code GET /metrics} serves (Prometheus text format)
   * @param registry whose buses' debug modes {@code /api/v1/buses/{name}/debug} reads and sets
   */
  public static RegistryHttpApi start(
      HttpConfig config,
      RegistryViews views,
      SchemaRegistry schemas,
      ProcessMetrics metrics,
      Registry registry) {
    DebugRoutes debug = new DebugRoutes(registry);
    Javalin app =
        Javalin.create(c -> c.showJavalinBanner = false)
            .get("/healthz", ctx -> ctx.json(Map.of("status", "ok")))
            .get("/metrics", ctx -> ctx.contentType(metrics.contentType()).result(metrics.scrape()))
            .get("/api/v1/buses", ctx -> send(ctx, views.buses()))
            .get("/api/v1/buses/{name}", ctx -> one(ctx, "bus", views.bus(ctx.pathParam("name"))))
            .get("/api/v1/nodes", ctx -> send(ctx, views.nodes()))
            .get("/api/v1/nodes/{id}", ctx -> one(ctx, "node", views.node(ctx.pathParam("id"))))
            .get("/api/v1/leases", ctx -> send(ctx, views.leases()))
            .get("/api/v1/topics", ctx -> send(ctx, views.topics()));
    SchemaRoutes schemaRoutes = SchemaRoutes.install(app, schemas);
    debug.register(app);
    app.start(config.host(), config.port());
    return new RegistryHttpApi(app, schemaRoutes, debug);
  }

  private static void send(Context ctx, com.fasterxml.jackson.databind.JsonNode body) {
    ctx.contentType("application/json").result(RegistryCodec.bytes(body));
  }

  private static void one(Context ctx, String what, Optional<ObjectNode> found) {
    if (found.isPresent()) {
      send(ctx, found.get());
      return;
    }
    String name = ctx.pathParam(what.equals("bus") ? "name" : "id");
    ObjectNode o = RegistryCodec.object();
    o.put("code", "NOT_FOUND");
    o.put("message", "no " + what + " named '" + name + "'");
    o.put("offending", name);
    ctx.status(404);
    send(ctx, o);
  }

  /** Schema requests refused so far (bad input, unknown schemas). Any thread. */
  public long schemaRefusals() {
    return schemaRoutes.refused();
  }

  /** Requests the API refused with 400 (bad debug settings, unknown buses) so far. */
  public long rejected() {
    return debug.rejected();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
  public String url() {
    return "http://127.0.0.1:" + app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
