package io.onex.bus.registry.store;

/** The store could not do what was asked (I/O, a corrupt file, a broken invariant). Any thread. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With the cause the store met. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Without a cause. */
  public StoreException(String message) {
    super(message);
  }
}
