package io.onex.bus.registry;

import io.onex.bus.protocol.ErrorCode;

/**
 * A request the registry refuses: the code to answer with, a message that says what was wrong, and
 * the offending value. The registry goes on serving everyone else. Immutable; any thread.
 */
public final class RegistryException extends Exception {
  private static final long serialVersionUID = 1L;
  private final ErrorCode code;
  private final String offending;

  /** A refusal naming what was offending (may be empty). */
  public RegistryException(ErrorCode code, String message, String offending) {
    super(message, null, false, false);
    this.code = code;
    this.offending = offending == null ? "" : offending;
  }

  /** The code to answer with. */
  public ErrorCode code() {
    return code;
  }

  /** The offending value, for the reply and the log. */
  public String offending() {
    return offending;
  }
}
