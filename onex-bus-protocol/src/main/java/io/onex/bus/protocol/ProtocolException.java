package io.onex.bus.protocol;

/**
 * The one exception type the codec and the grammar checks throw: an input that breaks the protocol.
 * It carries the {@link ErrorCode} to answer with and the offending part of the input (already
 * truncated for logs), so a broker can turn it into an {@code ERROR} frame without further work.
 * Immutable; any thread.
 */
public final class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;
  private static final int MAX_OFFENDING = 120;

  private final ErrorCode code;
  private final String offending;

  /** An error with what was offending; {@code offending} may be null or empty. */
  public ProtocolException(ErrorCode code, String message, String offending) {
    super(message, null, false, false);
    this.code = code;
    this.offending = truncate(offending == null ? "" : offending);
  }

  /** The code to answer with. */
  public ErrorCode code() {
    return code;
  }

  /** The offending input, at most 120 characters (longer input ends with an ellipsis). */
  public String offending() {
    return offending;
  }

  private static String truncate(String s) {
    return s.length() <= MAX_OFFENDING ? s : s.substring(0, MAX_OFFENDING) + "…";
  }
}
