package io.onex.bus.broker;

/** A broker could not start (its endpoint could not be bound). Immutable; any thread. */
public final class BrokerStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BrokerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
