package io.onex.bus.broker.config;

/** What a full subscription queue gives up: its oldest or its newest events. Immutable. */
public enum DropPolicy {
  OLDEST(1),
  NEWEST(2);

  private final int wireCode;

  DropPolicy(int wireCode) {
    this.wireCode = wireCode;
  }

  /** The code SUBSCRIBE carries for this policy. */
  public int wireCode() {
    return wireCode;
  }
}
