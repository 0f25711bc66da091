package io.onex.bus.registry.ports;

/** No port could be found that is free, allowed and not leased. Any thread. */
public final class NoFreePortException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With a message that says where the picker looked. */
  public NoFreePortException(String message) {
    super(message);
  }
}
