package io.onex.bus.protocol.event;

/**
 * The broker's per-event payload check: is this a JSON object by its outline (first and last
 * non-blank bytes are braces)? Full parsing costs a microsecond an event, which the routing budget
 * cannot pay on every event; topics whose schema mode asks for it get full validation elsewhere.
 * Stateless; any thread.
 */
public final class PayloadShape {
  private PayloadShape() {}

  /** Whether {@code b[off, off+len)} looks like one JSON object. */
  public static boolean looksLikeJsonObject(byte[] b, int off, int len) {
    int i = off;
    int j = off + len - 1;
    while (i <= j && isBlank(b[i])) {
      i++;
    }
    while (j >= i && isBlank(b[j])) {
      j--;
    }
    return j > i && b[i] == '{' && b[j] == '}';
  }

  private static boolean isBlank(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }
}
