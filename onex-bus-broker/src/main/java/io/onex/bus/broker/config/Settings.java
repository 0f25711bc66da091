package io.onex.bus.broker.config;

import java.time.Duration;
import java.util.Map;

/**
 * The value types of a resolved bus configuration, grouped as they are in {@code onex.yaml}. All
 * immutable; any thread. Ranges are checked by {@link ConfigReader}, which knows the key to blame.
 */
public final class Settings {
  private Settings() {}

  /** Per-subscription queue defaults. */
  public record Queue(int size, DropPolicy drop) {}

  /** Frame, batch, subscription and ZeroMQ high-water-mark limits. */
  public record Limits(
      int maxFrameBytes,
      int maxBatchEvents,
      int maxSubscriptionsPerConnection,
      int sendHwm,
      int recvHwm) {}

  /** ZMTP heartbeat interval and the silence after which a session is dropped. */
  public record Heartbeat(Duration interval, Duration timeout) {}

  /** Log level and payload-dump switch of one bus. */
  public record Logging(String level, boolean debug) {}

  /** How long queued deliveries may flush when the bus stops. */
  public record Shutdown(Duration drainTimeout) {}

  /** Typed metadata of a bus: purpose, quality of service, debug flag and free-form extras. */
  public record Metadata(String purpose, String qos, boolean debug, Map<String, Object> extra) {}
}
