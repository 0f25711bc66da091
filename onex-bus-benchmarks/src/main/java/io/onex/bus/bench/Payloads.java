package io.onex.bus.bench;

import java.nio.charset.StandardCharsets;

/**
 * Payloads of an exact size that are also a JSON object ({@code {"p":"xxx"}}), so every system
 * carries the same bytes and the onex broker's payload check passes. Stateless.
 */
final class Payloads {
  static final int MIN_SIZE = 8;

  private Payloads() {}

  static byte[] of(int size) {
    if (size < MIN_SIZE) {
      throw new IllegalArgumentException("payloads are at least " + MIN_SIZE + " bytes");
    }
    return ("{\"p\":\"" + "x".repeat(size - MIN_SIZE) + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}
