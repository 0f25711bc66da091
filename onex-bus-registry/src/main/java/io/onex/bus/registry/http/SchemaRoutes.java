package io.onex.bus.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.schema.AppliesTo;
import io.onex.bus.registry.RegistryException;
import io.onex.bus.registry.api.SchemaViews;
import io.onex.bus.registry.schema.SchemaRegistry;
import io.onex.bus.registry.schema.SchemaWrite;
import io.onex.bus.transport.RateLimitedLog;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema endpoints of the registry's HTTP API (docs/operations.md, "Topic schemas"): {@code GET
 * /api/v1/schemas[?bus=B][&documents=true]}, {@code GET|PUT|DELETE /api/v1/schemas/{bus}/{topic}}
 * and {@code GET /api/v1/schemas/{bus}/{topic}/history}, with the documents of the registry
 * protocol's SCHEMA_* commands. A topic pattern's {@code >} is sent URL-encoded as {@code %3E}.
 * Refusals are {@code {code, message, offending}} with 400 or 404, are counted and logged at a
 * limited rate. Javalin's request threads; the {@link SchemaRegistry} is thread-safe.
 */
final class SchemaRoutes {
  /** What {@code registered_by} records for a schema registered over HTTP. */
  static final String REGISTRANT = "http";

  private static final Logger LOG = LoggerFactory.getLogger(SchemaRoutes.class);
  private final SchemaRegistry schemas;
  private final RateLimitedLog refusalLog = new RateLimitedLog(20, 1000);
  private final AtomicLong refused = new AtomicLong();

  private SchemaRoutes(SchemaRegistry schemas) {
    this.schemas = schemas;
  }

  /** Adds the schema endpoints to {@code app}. */
  static SchemaRoutes install(Javalin app, SchemaRegistry schemas) {
    SchemaRoutes r = new SchemaRoutes(schemas);
    app.get("/api/v1/schemas", r::list)
        .get("/api/v1/schemas/{bus}/{topic}", r::get)
        .get("/api/v1/schemas/{bus}/{topic}/history", r::history)
        .put("/api/v1/schemas/{bus}/{topic}", r::put)
        .delete("/api/v1/schemas/{bus}/{topic}", r::delete);
    return r;
  }

  /** Requests refused so far. Any thread. */
  long refused() {
    return refused.get();
  }

  private void list(Context ctx) {
    Optional<String> bus = Optional.ofNullable(ctx.queryParam("bus"));
    boolean documents = "true".equals(ctx.queryParam("documents"));
    answer(
        ctx,
        () ->
            SchemaViews.listing(
                schemas.current(bus),
                bus.isPresent()
                    ? Map.of(bus.get(), schemas.revision(bus.get()))
                    : schemas.revisions(),
                documents));
  }

  private void get(Context ctx) {
    answer(
        ctx,
        () -> {
          int version = 0;
          String v = ctx.queryParam("version");
          if (v != null) {
            version = positive("version", v);
          }
          return schemas.get(ctx.pathParam("bus"), ctx.pathParam("topic"), version).toJson();
        });
  }

  private void history(Context ctx) {
    answer(
        ctx,
        () -> SchemaViews.history(schemas.history(ctx.pathParam("bus"), ctx.pathParam("topic"))));
  }

  private void put(Context ctx) {
    answer(
        ctx,
        () -> {
          AppliesTo appliesTo;
          String a = ctx.queryParam("applies_to");
          try {
            appliesTo = a == null ? AppliesTo.METADATA : AppliesTo.fromWireName(a);
          } catch (IllegalArgumentException e) {
            throw new RegistryException(ErrorCode.INVALID_REQUEST, e.getMessage(), a);
          }
          JsonNode document = body(ctx.bodyAsBytes());
          SchemaWrite w =
              schemas.register(
                  ctx.pathParam("bus"), ctx.pathParam("topic"), document, appliesTo, REGISTRANT);
          ctx.status(w.created() ? 201 : 200);
          return SchemaViews.registered(w);
        });
  }

  private void delete(Context ctx) {
    answer(
        ctx,
        () -> SchemaViews.deleted(schemas.delete(ctx.pathParam("bus"), ctx.pathParam("topic"))));
  }

  private static JsonNode body(byte[] bytes) throws RegistryException {
    if (bytes.length > RegistryCodec.MAX_SCHEMA_REGISTER_BODY_BYTES) {
      throw new RegistryException(
          ErrorCode.INVALID_SCHEMA,
          "the body is "
              + bytes.length
              + " bytes; the limit is "
              + RegistryCodec.MAX_SCHEMA_REGISTER_BODY_BYTES
              + " (and "
              + RegistryCodec.MAX_SCHEMA_BYTES
              + " for the schema as canonical JSON)",
          "");
    }
    try {
      JsonNode n = RegistryCodec.mapper().readTree(bytes);
      if (n == null || n.isMissingNode()) {
        throw new RegistryException(
            ErrorCode.INVALID_REQUEST, "the body must be the schema, a JSON object", "");
      }
      return n;
    } catch (IOException e) {
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      throw new RegistryException(
          ErrorCode.INVALID_REQUEST,
          "the body is not valid JSON: " + (nl < 0 ? m : m.substring(0, nl)),
          "");
    }
  }

  private static int positive(String field, String value) throws RegistryException {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new RegistryException(
        ErrorCode.INVALID_REQUEST, field + " must be a whole number from 1", value);
  }

  /** A step that answers with a JSON body or refuses. */
  @FunctionalInterface
  private interface Step {
    JsonNode run() throws RegistryException;
  }

  private void answer(Context ctx, Step step) {
    try {
      JsonNode body = step.run();
      ctx.contentType("application/json").result(RegistryCodec.bytes(body));
    } catch (RegistryException e) {
      refuse(ctx, e);
    }
  }

  private void refuse(Context ctx, RegistryException e) {
    refused.incrementAndGet();
    boolean log;
    synchronized (refusalLog) {
      log =
          refusalLog.tryAcquire(
              System.currentTimeMillis(),
              n -> LOG.warn("{} more refused schema HTTP requests were not logged", n));
    }
    if (log) {
      LOG.atInfo()
          .addKeyValue("event", "REGISTRY_REQUEST_REFUSED")
          .addKeyValue("code", e.code().code())
          .addKeyValue("error", e.code().name())
          .addKeyValue("offending", e.offending())
          .log(
              "registry HTTP API refused {} {}: {} {}",
              ctx.method(),
              ctx.path(),
              e.code(),
              e.getMessage());
    }
    ObjectNode o = RegistryCodec.object();
    o.put("code", e.code().name());
    o.put("message", e.getMessage());
    o.put("offending", e.offending());
    ctx.status(e.code() == ErrorCode.UNKNOWN_SCHEMA ? 404 : 400);
    ctx.contentType("application/json").result(RegistryCodec.bytes(o));
  }
}
