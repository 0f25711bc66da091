package io.onex.bus.client;

import io.onex.bus.protocol.schema.EventSchemaCheck;
import io.onex.bus.protocol.schema.RegisteredSchema;
import io.onex.bus.protocol.schema.SchemaFailure;
import io.onex.bus.protocol.schema.TopicSchemaSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side schema checking: the broker's own check ({@link EventSchemaCheck}: the OnexEvent
 * contract, then the topic's registered schema) run in {@code publish} before anything is sent, so
 * a publisher learns of a bad event without a round trip. A failing event completes its publish as
 * REJECTED with the {@link SchemaFailure}. Schemas come from a fixed list or from a source
 * (normally the registry) re-read every interval on a daemon thread; a failed refresh keeps the
 * schemas it had. Off by default: the broker stays the authority either way. {@link #check} may be
 * called from any thread.
 */
public final class SchemaValidation implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaValidation.class);
  private static final int MAX_PAYLOAD_BYTES = 1 << 20;

  /** No checking. */
  public static final SchemaValidation OFF = new SchemaValidation(false, false, null, null);

  private final boolean enabled;
  private final boolean catalogue;
  private final Callable<List<RegisteredSchema>> source;
  private final ScheduledExecutorService refresher;
  private final AtomicLong revision = new AtomicLong();
  private volatile TopicSchemaSet schemas = TopicSchemaSet.EMPTY;

  private SchemaValidation(
      boolean enabled,
      boolean catalogue,
      Callable<List<RegisteredSchema>> source,
      ScheduledExecutorService refresher) {
    this.enabled = enabled;
    this.catalogue = catalogue;
    this.source = source;
    this.refresher = refresher;
  }

  /**
   * Checks against a fixed set of schemas.
   *
   * @param catalogue whether event types must be in the catalogue, as on a strict topic
   */
  public static SchemaValidation of(List<RegisteredSchema> schemas, boolean catalogue) {
    SchemaValidation v = new SchemaValidation(true, catalogue, null, null);
    v.install(schemas);
    return v;
  }

  /**
   * Checks against what {@code source} returns, read now (a failure here is thrown) and again every
   * {@code refreshEvery} on a daemon thread until {@link #close()}.
   */
  public static SchemaValidation refreshing(
      Callable<List<RegisteredSchema>> source, Duration refreshEvery, boolean catalogue)
      throws Exception {
    ScheduledExecutorService refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "onex-client-schemas");
              t.setDaemon(true);
              return t;
            });
    SchemaValidation v = new SchemaValidation(true, catalogue, source, refresher);
    try {
      v.refresh();
    } catch (Exception e) {
      refresher.shutdownNow();
      throw e;
    }
    long ms = Math.max(1, refreshEvery.toMillis());
    refresher.scheduleWithFixedDelay(v::refreshQuietly, ms, ms, TimeUnit.MILLISECONDS);
    return v;
  }

  /**
   * Checks against the schemas the registry holds for {@code bus}, re-read every {@code
   * refreshEvery}: the same ones that bus's brokers enforce.
   */
  public static SchemaValidation fromRegistry(
      RegistryClient registry, String bus, Duration refreshEvery, boolean catalogue)
      throws Exception {
    return refreshing(() -> registry.currentSchemas(bus), refreshEvery, catalogue);
  }

  /** Reads the source again now. Any thread. */
  public void refresh() throws Exception {
    if (source != null) {
      install(source.call());
    }
  }

  /** How many schemas are in use. */
  public int size() {
    return schemas.size();
  }

  /**
   * What is wrong with the event, or null when it passes (or checking is off).
   *
   * @param correlationId the record's correlation id; null or empty for none
   */
  public SchemaFailure check(String topic, String eventType, String correlationId, byte[] json) {
    if (!enabled) {
      return null;
    }
    return EventSchemaCheck.check(
        json,
        0,
        json.length,
        eventType,
        correlationId == null ? "" : correlationId,
        catalogue,
        schemas.forTopic(topic),
        MAX_PAYLOAD_BYTES);
  }

  private void install(List<RegisteredSchema> list) {
    schemas =
        TopicSchemaSet.of(
            list,
            revision.incrementAndGet(),
            (r, why) -> LOG.warn("ignored schema {} v{}: {}", r.topic(), r.version(), why));
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (Exception e) {
      LOG.warn("could not refresh schemas, keeping the {} in use: {}", size(), e.toString());
    }
  }

  @Override
  public void close() {
    if (refresher != null) {
      refresher.shutdownNow();
    }
  }
}
