package io.onex.bus.client;

import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.topic.TopicPattern;
import io.onex.bus.transport.SocketLimits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link BusClient} connects: the bus endpoint, the node id it presents, socket limits, queue
 * bounds, deadlines and the optional {@link ClientMetrics} ({@code metrics}, null = none).
 * Immutable; any thread; build with {@link #builder()}, which checks every field and names the one
 * that is wrong.
 */
public record BusClientOptions(
    String endpoint,
    String nodeId,
    String clientName,
    SocketLimits socketLimits,
    int outboundQueueCapacity,
    int inboundQueueCapacity,
    Duration connectTimeout,
    Duration publishTimeout,
    Duration closeTimeout,
    BackpressurePolicy backpressure,
    Map<String, BackpressurePolicy> topicBackpressure,
    SchemaValidation schemaValidation,
    ClientMetrics metrics) {

  public BusClientOptions {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(socketLimits, "socketLimits");
    if (!endpoint.matches("tcp://[^:/\\s]+:\\d{1,5}")) {
      throw new IllegalArgumentException(
          "endpoint must look like tcp://HOST:PORT, was " + endpoint);
    }
    int idBytes = nodeId.getBytes(StandardCharsets.UTF_8).length;
    if (idBytes < 1 || idBytes > 255) {
      throw new IllegalArgumentException("nodeId must be 1..255 UTF-8 bytes, was " + idBytes);
    }
    positive("outboundQueueCapacity", outboundQueueCapacity);
    positive("inboundQueueCapacity", inboundQueueCapacity);
    positive("connectTimeout", connectTimeout);
    positive("publishTimeout", publishTimeout);
    positive("closeTimeout", closeTimeout);
    Objects.requireNonNull(backpressure, "backpressure");
    topicBackpressure = Collections.unmodifiableMap(new LinkedHashMap<>(topicBackpressure));
    Objects.requireNonNull(schemaValidation, "schemaValidation");
  }

  /**
   * The backpressure policy for {@code topic}: the first {@code topicBackpressure} pattern that
   * matches it, else {@link #backpressure()}.
   */
  public BackpressurePolicy backpressureFor(String topic) {
    for (var e : topicBackpressure.entrySet()) {
      try {
        if (TopicPattern.parse(e.getKey()).matches(topic)) {
          return e.getValue();
        }
      } catch (ProtocolException ex) {
        // checked by the builder
      }
    }
    return backpressure;
  }

  private static void positive(String field, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(field + " must be >= 1, was " + v);
    }
  }

  private static void positive(String field, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, was " + d);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link BusClientOptions}; one thread. */
  public static final class Builder {
    private String endpoint;
    private String nodeId;
    private String clientName = "onex-java/0.1";
    private SocketLimits socketLimits = SocketLimits.CLIENT_DEFAULT;
    private int outboundQueueCapacity = 65_536;
    // DELIVER frames waiting for the dispatcher; a frame is at most 256 KiB (unless one event is
    // larger), so 256 of them bound this queue near 64 MiB even when a subscription grants
    // unlimited credit.
    private int inboundQueueCapacity = 256;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration publishTimeout = Duration.ofSeconds(5);
    private Duration closeTimeout = Duration.ofSeconds(5);
    private BackpressurePolicy backpressure;
    private SchemaValidation schemaValidation = SchemaValidation.OFF;
    private final Map<String, BackpressurePolicy> topicBackpressure = new LinkedHashMap<>();
    private ClientMetrics metrics;

    public Builder endpoint(String v) {
      endpoint = v;
      return this;
    }

    public Builder nodeId(String v) {
      nodeId = v;
      return this;
    }

    public Builder clientName(String v) {
      clientName = v;
      return this;
    }

    public Builder socketLimits(SocketLimits v) {
      socketLimits = v;
      return this;
    }

    public Builder outboundQueueCapacity(int v) {
      outboundQueueCapacity = v;
      return this;
    }

    /**
     * DELIVER frames the I/O thread may hand the dispatcher ahead of the handlers (default 256).
     */
    public Builder inboundQueueCapacity(int v) {
      inboundQueueCapacity = v;
      return this;
    }

    public Builder connectTimeout(Duration v) {
      connectTimeout = v;
      return this;
    }

    public Builder publishTimeout(Duration v) {
      publishTimeout = v;
      return this;
    }

    public Builder closeTimeout(Duration v) {
      closeTimeout = v;
      return this;
    }

    /**
     * Checks events against their schemas before sending (default {@link SchemaValidation#OFF}).
     */
    public Builder schemaValidation(SchemaValidation v) {
      schemaValidation = v;
      return this;
    }

    /** What publishes do under backpressure (default: block for the publish timeout). */
    public Builder backpressure(BackpressurePolicy p) {
      backpressure = p;
      return this;
    }

    /** A policy for topics matching {@code pattern}; the first matching pattern wins. */
    public Builder backpressure(String pattern, BackpressurePolicy p) {
      try {
        TopicPattern.parse(pattern);
      } catch (ProtocolException e) {
        throw new IllegalArgumentException("backpressure pattern: " + e.getMessage(), e);
      }
      topicBackpressure.put(pattern, p);
      return this;
    }

    /**
     * Records this client's delivery latency in {@code m} (default: none, and a client without
     * metrics measures nothing).
     */
    public Builder metrics(ClientMetrics m) {
      metrics = m;
      return this;
    }

    public BusClientOptions build() {
      return new BusClientOptions(
          endpoint,
          nodeId,
          clientName,
          socketLimits,
          outboundQueueCapacity,
          inboundQueueCapacity,
          connectTimeout,
          publishTimeout,
          closeTimeout,
          backpressure != null ? backpressure : BackpressurePolicy.block(publishTimeout),
          topicBackpressure,
          schemaValidation,
          metrics);
    }
  }
}
