package io.onex.bus.client;

import io.onex.bus.protocol.ErrorCode;

/** The bus refused a subscription; carries its error code and offending input. Any thread. */
public final class SubscriptionRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;
  private final String offending;

  public SubscriptionRejectedException(ErrorCode code, String message, String offending) {
    super(code + ": " + message, null, false, false);
    this.code = code;
    this.offending = offending;
  }

  public ErrorCode code() {
    return code;
  }

  public String offending() {
    return offending;
  }
}
