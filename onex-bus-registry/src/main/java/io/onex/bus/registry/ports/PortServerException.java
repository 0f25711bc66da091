package io.onex.bus.registry.ports;

/**
 * A request to the portpicker port server failed; {@link #failure()} says how and the message says
 * it for people. Any thread.
 */
public final class PortServerException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that react differently. */
  public enum Failure {
    /** Nothing accepted the connection: the server is down, or the address is wrong. */
    CANNOT_CONNECT,
    /** Connected, but no complete answer came in time. */
    TIMED_OUT,
    /** The server closed without a port: it has none free, or it refused the pid. */
    EMPTY_REPLY,
    /** The reply was not a port number 1..65535 and a newline. */
    GARBAGE_REPLY,
    /** The connection broke while talking. */
    IO_ERROR
  }

  private final Failure failure;

  /** With the kind of failure and a message that names the server's address. */
  public PortServerException(Failure failure, String message, Throwable cause) {
    super(message, cause);
    this.failure = failure;
  }

  /** What went wrong. */
  public Failure failure() {
    return failure;
  }
}
