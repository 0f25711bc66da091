package io.onex.bus.client;

import io.opentelemetry.context.Context;
import java.util.Map;

/**
 * Per-publish options: the tags the broker may filter on without reading the payload, and what ties
 * the event to the one that caused it: the trace context to propagate and the correlation id to
 * keep. Immutable; any thread.
 *
 * @param tags publisher-declared tags (docs/protocol.md §5)
 * @param traceContext the context whose span the event carries as W3C {@code traceparent}; null
 *     means {@link Context#current()} at publish time
 * @param correlationId the correlation id the event gets when it has none itself; null means a
 *     fresh one
 */
public record PublishOptions(Map<String, String> tags, Context traceContext, String correlationId) {
  public static final PublishOptions NONE = new PublishOptions(Map.of());

  public PublishOptions {
    tags = Map.copyOf(tags);
  }

  /** Only tags; trace context from the publishing thread, a fresh correlation id. */
  public PublishOptions(Map<String, String> tags) {
    this(tags, null, null);
  }

  /**
   * Options for a reply to {@code parent} or any event derived from it: the event keeps the
   * parent's correlation id (unless it has its own) and continues the parent's trace.
   */
  public static PublishOptions derivedFrom(ReceivedEvent parent) {
    return new PublishOptions(Map.of(), parent.traceContext(), parent.correlationId());
  }

  /** These options with {@code tags} instead. */
  public PublishOptions withTags(Map<String, String> t) {
    return new PublishOptions(t, traceContext, correlationId);
  }

  /** These options propagating {@code context}'s span instead of the publishing thread's. */
  public PublishOptions withTraceContext(Context context) {
    return new PublishOptions(tags, context, correlationId);
  }

  /** The trace context this publish propagates: the one given, else the caller's current one. */
  Context effectiveTraceContext() {
    return traceContext != null ? traceContext : Context.current();
  }
}
