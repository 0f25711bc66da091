package io.onex.bus.client;

import io.onex.bus.protocol.ProtocolException;
import io.onex.bus.protocol.filter.EventFilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to subscribe: the pattern, an optional filter on event types and tags (evaluated by the
 * broker on the routing header), and this subscription's queue bound and drop policy in the broker
 * (0 and DEFAULT take the bus's defaults). Immutable; any thread; build with {@link #builder()}.
 */
public record SubscribeOptions(
    String pattern, int queueSize, DropPolicy dropPolicy, EventFilter filter, int creditWindow) {
  /** The default credit window: events the broker may have in flight to this subscription. */
  public static final int DEFAULT_CREDIT_WINDOW = 65_536;

  /** Credit window meaning no credit accounting (the broker sends as fast as the pipe takes). */
  public static final int UNLIMITED_CREDIT = 0;

  /** What the broker drops when this subscription's queue is full. */
  public enum DropPolicy {
    DEFAULT(0),
    OLDEST(1),
    NEWEST(2);

    private final int wireCode;

    DropPolicy(int wireCode) {
      this.wireCode = wireCode;
    }

    public int wireCode() {
      return wireCode;
    }
  }

  public SubscribeOptions {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(dropPolicy, "dropPolicy");
    Objects.requireNonNull(filter, "filter");
    if (queueSize < 0) {
      throw new IllegalArgumentException(
          "queueSize must be >= 0 (0 = bus default), was " + queueSize);
    }
    if (creditWindow < 0) {
      throw new IllegalArgumentException(
          "creditWindow must be >= 0 (0 = unlimited), was " + creditWindow);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SubscribeOptions}; one thread. */
  public static final class Builder {
    private String pattern;
    private int queueSize;
    private DropPolicy dropPolicy = DropPolicy.DEFAULT;
    private int creditWindow = DEFAULT_CREDIT_WINDOW;
    private final Set<String> eventTypes = new LinkedHashSet<>();
    private final List<String> tagClauses = new ArrayList<>();

    public Builder pattern(String p) {
      this.pattern = p;
      return this;
    }

    public Builder queueSize(int q) {
      this.queueSize = q;
      return this;
    }

    /**
     * Events the broker may send ahead of the handler (credit-based flow control): the client
     * grants more as the handler consumes, so its own buffer never holds more than this. {@link
     * #UNLIMITED_CREDIT} (0) turns credit off.
     */
    public Builder creditWindow(int w) {
      this.creditWindow = w;
      return this;
    }

    public Builder dropPolicy(DropPolicy d) {
      this.dropPolicy = d;
      return this;
    }

    /** Only events of these types (any of them); may be called repeatedly. */
    public Builder eventType(String type) {
      eventTypes.add(type);
      return this;
    }

    /**
     * Only events whose tags satisfy this clause: {@code k=v}, {@code k in (a,b)}, {@code k
     * exists}.
     */
    public Builder tag(String clause) {
      tagClauses.add(clause);
      return this;
    }

    /** The options; a malformed filter throws {@link IllegalArgumentException} saying why. */
    public SubscribeOptions build() {
      try {
        return new SubscribeOptions(
            pattern, queueSize, dropPolicy, EventFilter.of(eventTypes, tagClauses), creditWindow);
      } catch (ProtocolException e) {
        throw new IllegalArgumentException(
            "filter: " + e.getMessage() + " (" + e.offending() + ")", e);
      }
    }
  }
}
