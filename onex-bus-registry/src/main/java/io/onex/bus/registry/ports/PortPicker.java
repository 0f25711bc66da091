package io.onex.bus.registry.ports;

import io.onex.bus.config.PortSpec;
import java.util.function.IntPredicate;

/**
 * Finds a port to lease, with portpicker's semantics: a port free for both TCP and UDP on this
 * host. The registry's lease manager is its only caller; no other code in the project picks ports.
 *
 * <p>Implementations must be safe to call from several threads.
 */
public interface PortPicker {

  /**
   * A port that is free for TCP and UDP now, inside {@code range} when given, and for which {@code
   * leased} is false.
   *
   * @param range the allowed ports, or null for any
   * @param leased true for ports that an active lease already holds; they are never returned
   * @throws NoFreePortException when no such port could be found
   */
  int pick(PortSpec.Range range, IntPredicate leased) throws NoFreePortException;

  /** Hands back a port that is no longer leased, so that it may be picked again. */
  void giveBack(int port);

  /**
   * How many picks could not use the preferred source (a port server that was down, answered
   * garbage or had nothing in range) and were picked locally instead; 0 for a local picker.
   */
  default long fallbacks() {
    return 0;
  }
}
