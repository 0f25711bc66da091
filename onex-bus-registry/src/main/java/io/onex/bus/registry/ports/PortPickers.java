package io.onex.bus.registry.ports;

import java.util.Map;

/** Chooses the registry's {@link PortPicker} from configuration. Stateless; any thread. */
public final class PortPickers {
  /** portpicker's variable for the port server's address. */
  public static final String ADDRESS_VARIABLE = "PORTSERVER_ADDRESS";

  private PortPickers() {}

  /**
   * A {@link PortServerPicker} for {@code configuredAddress} when set, else for {@code
   * PORTSERVER_ADDRESS} from {@code env} when set, else a {@link LocalPortPicker}. Blank values
   * count as unset, as in portpicker.
   *
   * @param configuredAddress the registry's configured port server address, or null
   * @param env the process environment, normally {@link System#getenv()}
   */
  public static PortPicker fromEnvironment(String configuredAddress, Map<String, String> env) {
    String address = configuredAddress;
    if (address == null || address.isBlank()) {
      address = env.get(ADDRESS_VARIABLE);
    }
    if (address == null || address.isBlank()) {
      return new LocalPortPicker();
    }
    return new PortServerPicker(new PortServerClient(address));
  }
}
