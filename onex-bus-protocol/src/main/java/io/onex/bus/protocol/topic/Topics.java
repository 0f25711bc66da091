package io.onex.bus.protocol.topic;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * The topic grammar (docs/protocol.md, "Topics"): dot-separated tokens, case-sensitive, no empty
 * tokens, at most {@value #MAX_BYTES} UTF-8 bytes and {@value #MAX_TOKENS} tokens, no whitespace or
 * control characters. A published topic is literal: {@code *} and {@code >} are wildcards and may
 * not appear in it. A topic whose first token starts with {@code $} is a system topic. Stateless;
 * any thread.
 */
public final class Topics {
  /** Longest topic or pattern, in UTF-8 bytes. */
  public static final int MAX_BYTES = 255;

  /** Most tokens in a topic or pattern. */
  public static final int MAX_TOKENS = 32;

  private Topics() {}

  /** Whether {@code topic} is a system topic (first token starts with {@code $}). */
  public static boolean isSystem(String topic) {
    return !topic.isEmpty() && topic.charAt(0) == '$';
  }

  /** Checks a topic an event is published on. */
  public static void validateLiteral(String topic) throws ProtocolException {
    checkShape(topic, ErrorCode.INVALID_TOPIC, "topic");
    for (int i = 0; i < topic.length(); i++) {
      char c = topic.charAt(i);
      if (c == '*' || c == '>') {
        throw new ProtocolException(
            ErrorCode.WILDCARD_IN_PUBLISH,
            "a published topic must be literal; '" + c + "' is a wildcard",
            topic);
      }
    }
  }

  /**
   * The checks topics and patterns share: length, tokens, characters. {@code what} names the input
   * in messages.
   */
  static void checkShape(String s, ErrorCode code, String what) throws ProtocolException {
    if (s.isEmpty()) {
      throw new ProtocolException(code, what + " is empty", s);
    }
    int bytes = s.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new ProtocolException(
          code, what + " is " + bytes + " bytes; the limit is " + MAX_BYTES, s);
    }
    int tokens = 1;
    int tokenStart = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '.') {
        if (i == tokenStart) {
          throw new ProtocolException(code, what + " has an empty token at character " + i, s);
        }
        if (i < s.length()) {
          tokens++;
        }
        tokenStart = i + 1;
      } else if (isForbidden(s.charAt(i))) {
        throw new ProtocolException(
            code, what + " contains a forbidden character at " + i + " (whitespace or control)", s);
      }
    }
    if (tokens > MAX_TOKENS) {
      throw new ProtocolException(
          code, what + " has " + tokens + " tokens; the limit is " + MAX_TOKENS, s);
    }
  }

  private static boolean isForbidden(char c) {
    // isSpaceChar adds the no-break spaces (U+00A0, U+2007, U+202F) isWhitespace leaves out.
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }
}
