package io.onex.bus.registry.server;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.registry.RegistryCommand;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the registry server has handled: requests per command and refusals per error code. The loop
 * thread writes; any thread reads.
 */
public final class RegistryCounters {
  private final AtomicLongArray requests = new AtomicLongArray(RegistryCommand.values().length);
  private final AtomicLongArray refusals = new AtomicLongArray(ErrorCode.values().length);

  void request(RegistryCommand c) {
    requests.incrementAndGet(c.ordinal());
  }

  void countRefusal(ErrorCode code) {
    refusals.incrementAndGet(code.ordinal());
  }

  /** Requests handled of command {@code c}, refused ones included. */
  public long requests(RegistryCommand c) {
    return requests.get(c.ordinal());
  }

  /** Requests refused with {@code code}. */
  public long refused(ErrorCode code) {
    return refusals.get(code.ordinal());
  }

  /** Every non-zero refusal count, by code. */
  public Map<ErrorCode, Long> refusals() {
    Map<ErrorCode, Long> m = new EnumMap<>(ErrorCode.class);
    for (ErrorCode c : ErrorCode.values()) {
      long n = refusals.get(c.ordinal());
      if (n > 0) {
        m.put(c, n);
      }
    }
    return m;
  }
}
