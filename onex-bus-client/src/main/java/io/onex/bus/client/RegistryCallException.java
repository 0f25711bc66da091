package io.onex.bus.client;

import io.onex.bus.protocol.ErrorCode;

/**
 * A registry request that did not succeed: the registry refused it ({@link #code()} says why), or
 * no reply came in time ({@link #code()} is null). Immutable; any thread.
 */
public final class RegistryCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ErrorCode code;
  private final String offending;

  /** A refusal or a failure; {@code code} is null when the registry did not answer. */
  public RegistryCallException(ErrorCode code, String message, String offending) {
    super(message);
    this.code = code;
    this.offending = offending == null ? "" : offending;
  }

  /** The registry's error code, or null for a timeout or transport failure. */
  public ErrorCode code() {
    return code;
  }

  /** What the registry said was offending. */
  public String offending() {
    return offending;
  }
}
