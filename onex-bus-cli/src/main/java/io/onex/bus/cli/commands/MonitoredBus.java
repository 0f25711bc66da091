package io.onex.bus.cli.commands;

import io.onex.bus.client.BusClient;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bus {@code onex event-monitor} watches, and how it follows that bus across restarts: when the
 * client's session is lost (the bus said BYE or went silent for the heartbeat timeout), it looks
 * the bus up in the registry again, with back-off, and connects to wherever it now is (a restarted
 * bus may have leased another port). A bus back on the same endpoint is rejoined by the client
 * itself. Either way it reports the loss and the reconnection once. Main thread only.
 */
final class MonitoredBus implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MonitoredBus.class);
  private static final long FIRST_BACKOFF_NANOS = Duration.ofMillis(250).toNanos();
  private static final long MAX_BACKOFF_NANOS = Duration.ofSeconds(5).toNanos();

  /** What happened to the bus, for the monitor to print: a loss or a reconnection. */
  enum Change {
    LOST,
    RECONNECTED
  }

  private final String name;
  private final Function<String, String> locate;
  private final Function<String, BusClient> connect;
  private final BiConsumer<Change, MonitoredBus> report;
  private BusClient client;
  private String endpoint;
  private boolean lost;
  private int sessions;
  private long backoffNanos = FIRST_BACKOFF_NANOS;
  private long nextLookupNanos;

  /**
   * @param locate the bus's current endpoint from the registry (throws when it is not listed or the
   *     registry does not answer)
   * @param connect a connected client at an endpoint, already subscribed (throws on failure)
   * @param report told of each loss and each reconnection
   */
  MonitoredBus(
      String name,
      String endpoint,
      BusClient client,
      Function<String, String> locate,
      Function<String, BusClient> connect,
      BiConsumer<Change, MonitoredBus> report) {
    this.name = name;
    this.endpoint = endpoint;
    this.client = client;
    this.locate = locate;
    this.connect = connect;
    this.report = report;
    this.sessions = client.sessionsOpened();
  }

  String name() {
    return name;
  }

  String endpoint() {
    return endpoint;
  }

  /** Called every loop pass: notices a loss or a return, and looks the bus up when it is due. */
  void check(long nowNanos) {
    if (client.isConnected()) {
      if (client.sessionsOpened() != sessions) {
        // Rejoined on the same endpoint, perhaps before a loss could be seen: report both.
        if (!lost) {
          report.accept(Change.LOST, this);
        }
        recovered();
      }
      return;
    }
    if (!lost) {
      lost = true;
      nextLookupNanos = nowNanos;
      report.accept(Change.LOST, this);
    }
    if (nowNanos < nextLookupNanos) {
      return;
    }
    nextLookupNanos = nowNanos + backoffNanos;
    backoffNanos = Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
    String found;
    try {
      found = locate.apply(name);
    } catch (RuntimeException e) {
      LOG.debug("bus {} not found in the registry yet: {}", name, e.getMessage());
      return;
    }
    if (found.equals(endpoint)) {
      return; // the client keeps saying HELLO there; it rejoins on its own
    }
    BusClient fresh;
    try {
      fresh = connect.apply(found);
    } catch (RuntimeException e) {
      LOG.debug("bus {} at {} not reachable yet: {}", name, found, e.getMessage());
      return;
    }
    client.close();
    client = fresh;
    endpoint = found;
    recovered();
  }

  private void recovered() {
    lost = false;
    sessions = client.sessionsOpened();
    backoffNanos = FIRST_BACKOFF_NANOS;
    report.accept(Change.RECONNECTED, this);
  }

  @Override
  public void close() {
    client.close();
  }
}
