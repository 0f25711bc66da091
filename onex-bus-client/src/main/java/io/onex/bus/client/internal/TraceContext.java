package io.onex.bus.client.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * W3C trace context ({@code traceparent}, {@code tracestate}) in an event record's extensions map
 * (docs/protocol.md §13), through the OpenTelemetry API's propagator: no SDK is needed, a span
 * context set by whatever tracer the application uses travels as is. Stateless; any thread.
 */
public final class TraceContext {
  /** Extension key of the W3C {@code traceparent} header. */
  public static final String TRACEPARENT = "traceparent";

  /** Extension key of the W3C {@code tracestate} header. */
  public static final String TRACESTATE = "tracestate";

  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapSetter<Map<String, String>> SETTER = Map::put;

  private static final TextMapGetter<Map<String, String>> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private TraceContext() {}

  /**
   * The extensions that carry {@code context}'s span context; empty (and allocation-free) when it
   * holds no valid one, the plain path of every publish without a tracer.
   */
  public static Map<String, String> extensions(Context context) {
    if (context == null || !Span.fromContext(context).getSpanContext().isValid()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>(4);
    W3C.inject(context, out, SETTER);
    return out;
  }

  /**
   * The context that {@code extensions} carry, on top of the root context; the root itself when
   * they carry none or a {@code traceparent} that is not the W3C format (ignored, not an error).
   */
  public static Context context(Map<String, String> extensions) {
    if (!extensions.containsKey(TRACEPARENT)) {
      return Context.root();
    }
    return W3C.extract(Context.root(), extensions, GETTER);
  }

  /** True when {@code context} holds a valid span context worth making current. */
  public static boolean isTraced(Context context) {
    return Span.fromContext(context).getSpanContext().isValid();
  }
}
