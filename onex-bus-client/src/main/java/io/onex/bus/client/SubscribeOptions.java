package io.onex.bus.client;

import java.util.Objects;

/**
 * How to subscribe: the pattern, and this subscription's queue bound and drop policy in the broker
 * (0 and DEFAULT take the bus's defaults). Immutable; any thread; build with {@link #builder()}.
 */
public record SubscribeOptions(String pattern, int queueSize, DropPolicy dropPolicy) {
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
    if (queueSize < 0) {
      throw new IllegalArgumentException(
          "queueSize must be >= 0 (0 = bus default), was " + queueSize);
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

    public Builder pattern(String p) {
      this.pattern = p;
      return this;
    }

    public Builder queueSize(int q) {
      this.queueSize = q;
      return this;
    }

    public Builder dropPolicy(DropPolicy d) {
      this.dropPolicy = d;
      return this;
    }

    public SubscribeOptions build() {
      return new SubscribeOptions(pattern, queueSize, dropPolicy);
    }
  }
}
