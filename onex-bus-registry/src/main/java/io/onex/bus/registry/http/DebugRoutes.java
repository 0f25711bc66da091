package io.onex.bus.registry.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.debug.DebugSettings;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.registry.Registry;
import io.onex.bus.transport.RateLimitedLog;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET/PUT/DELETE /api/v1/buses/{bus}/debug}: a bus's debug mode (docs/operations.md, "Debug
 * mode"). PUT validates the body with {@link DebugSettings#parse} and answers a bad one with 400
 * and {@code {code, message, offending}}, counted and logged at a bounded rate; the setting is
 * stored before the answer and reaches the broker with its next heartbeat. Javalin's threads.
 */
final class DebugRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(DebugRoutes.class);

  private final Registry registry;
  private final AtomicLong rejected = new AtomicLong();
  private final RateLimitedLog limiter = new RateLimitedLog(20, 1000);

  DebugRoutes(Registry registry) {
    this.registry = registry;
  }

  void register(Javalin app) {
    app.get("/api/v1/buses/{name}/debug", this::show)
        .put("/api/v1/buses/{name}/debug", this::set)
        .delete("/api/v1/buses/{name}/debug", this::clear);
  }

  /** Requests refused so far. */
  long rejected() {
    return rejected.get();
  }

  private void show(Context ctx) {
    String bus = ctx.pathParam("name");
    Optional<DebugSettings> on = registry.debug().find(bus);
    if (on.isEmpty() && !known(bus)) {
      refuse(ctx, unknownBus(bus));
      return;
    }
    send(ctx, 200, document(bus, on));
  }

  private void set(Context ctx) {
    String bus = ctx.pathParam("name");
    DebugSettings settings;
    try {
      if (!known(bus)) {
        throw unknownBus(bus);
      }
      settings = DebugSettings.parse(body(ctx));
    } catch (ProtocolException e) {
      refuse(ctx, e);
      return;
    }
    registry.debug().set(bus, settings);
    LOG.atInfo()
        .addKeyValue("event", "DEBUG_MODE_SET")
        .addKeyValue("bus", bus)
        .addKeyValue("topics", settings.topics())
        .log("debug mode of bus {} set: {}", bus, settings.toJson());
    send(ctx, 200, document(bus, Optional.of(settings)));
  }

  private void clear(Context ctx) {
    String bus = ctx.pathParam("name");
    boolean was = registry.debug().clear(bus);
    if (!was && !known(bus)) {
      refuse(ctx, unknownBus(bus));
      return;
    }
    LOG.atInfo()
        .addKeyValue("event", "DEBUG_MODE_CLEARED")
        .addKeyValue("bus", bus)
        .log("debug mode of bus {} off", bus);
    send(ctx, 200, document(bus, Optional.empty()));
  }

  private boolean known(String bus) {
    return registry.buses().find(bus).isPresent();
  }

  private static ProtocolException unknownBus(String bus) {
    return new ProtocolException(
        ErrorCode.UNKNOWN_BUS, "no bus named '" + bus + "' is registered", bus);
  }

  private static JsonNode body(Context ctx) throws ProtocolException {
    byte[] raw = ctx.bodyAsBytes();
    if (raw.length > RegistryCodec.MAX_BODY_BYTES) {
      throw new ProtocolException(
          ErrorCode.INVALID_REQUEST,
          "the body exceeds " + RegistryCodec.MAX_BODY_BYTES + " bytes",
          "size=" + raw.length);
    }
    try {
      JsonNode n = RegistryCodec.mapper().readTree(raw);
      return n == null ? RegistryCodec.mapper().missingNode() : n;
    } catch (IOException e) {
      String shown =
          new String(raw, 0, Math.min(raw.length, 80), java.nio.charset.StandardCharsets.UTF_8);
      throw new ProtocolException(ErrorCode.INVALID_REQUEST, "the body is not JSON", shown);
    }
  }

  private static ObjectNode document(String bus, Optional<DebugSettings> on) {
    ObjectNode o = RegistryCodec.object();
    o.put("bus", bus);
    o.setAll(on.map(DebugSettings::toJson).orElseGet(DebugSettings::off));
    return o;
  }

  private void refuse(Context ctx, ProtocolException e) {
    rejected.incrementAndGet();
    boolean log;
    synchronized (limiter) {
      log =
          limiter.tryAcquire(
              System.currentTimeMillis(),
              RateLimitedLog.suppressedLine(LOG, null, "refused-request"));
    }
    if (log) {
      LOG.atWarn()
          .addKeyValue("event", "HTTP_REQUEST_REFUSED")
          .addKeyValue("path", ctx.path())
          .addKeyValue("code", e.code().name())
          .addKeyValue("offending", e.offending())
          .log("refused {} {}: {} ({})", ctx.method(), ctx.path(), e.getMessage(), e.code());
    }
    ObjectNode o = RegistryCodec.object();
    o.put("code", e.code().name());
    o.put("message", e.getMessage());
    o.put("offending", e.offending());
    send(ctx, 400, o);
  }

  private static void send(Context ctx, int status, JsonNode body) {
    ctx.status(status).contentType("application/json").result(RegistryCodec.bytes(body));
  }
}
