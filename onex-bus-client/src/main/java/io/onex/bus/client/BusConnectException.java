package io.onex.bus.client;

/** A client could not open its session (timeout, or the broker refused HELLO). Any thread. */
public final class BusConnectException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BusConnectException(String message) {
    super(message);
  }
}
