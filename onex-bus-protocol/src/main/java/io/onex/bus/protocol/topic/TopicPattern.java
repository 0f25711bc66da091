package io.onex.bus.protocol.topic;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.util.Arrays;

/**
 * A parsed subscription pattern. {@code *} matches exactly one token, {@code >} (last token only)
 * matches one or more trailing tokens, so {@code a.>} matches {@code a.b} and {@code a.b.c} but not
 * {@code a}. A pattern whose first token is a wildcard never matches a system topic ({@code $...}):
 * system traffic is seen only by asking for it ({@code $onex.>}). Immutable; any thread.
 */
public final class TopicPattern {
  private static final String ONE = "*";
  private static final String REST = ">";

  private final String text;
  private final String[] tokens;
  private final boolean literal;

  private TopicPattern(String text, String[] tokens, boolean literal) {
    this.text = text;
    this.tokens = tokens;
    this.literal = literal;
  }

  /** Parses and checks a pattern; a malformed one throws with {@code INVALID_PATTERN}. */
  public static TopicPattern parse(String pattern) throws ProtocolException {
    Topics.checkShape(pattern, ErrorCode.INVALID_PATTERN, "pattern");
    String[] tokens = pattern.split("\\.", -1);
    boolean literal = true;
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      boolean hasWildcardChar = t.indexOf('*') >= 0 || t.indexOf('>') >= 0;
      if (!hasWildcardChar) {
        continue;
      }
      literal = false;
      if (!t.equals(ONE) && !t.equals(REST)) {
        throw new ProtocolException(
            ErrorCode.INVALID_PATTERN,
            "token '" + t + "' mixes a wildcard with other characters; use '*' or '>' alone",
            pattern);
      }
      if (t.equals(REST) && i != tokens.length - 1) {
        throw new ProtocolException(
            ErrorCode.INVALID_PATTERN, "'>' may only be the last token", pattern);
      }
    }
    return new TopicPattern(pattern, tokens, literal);
  }

  /** The pattern as written. */
  public String text() {
    return text;
  }

  /** Whether the pattern has no wildcard (it matches exactly one topic: itself). */
  public boolean isLiteral() {
    return literal;
  }

  /** The tokens, a copy. */
  public String[] tokens() {
    return Arrays.copyOf(tokens, tokens.length);
  }

  /** Whether this pattern matches the literal {@code topic}. */
  public boolean matches(String topic) {
    if (literal) {
      return text.equals(topic);
    }
    if (Topics.isSystem(topic) && (tokens[0].equals(ONE) || tokens[0].equals(REST))) {
      return false;
    }
    int pos = 0;
    for (int i = 0; i < tokens.length; i++) {
      if (pos > topic.length()) {
        return false;
      }
      String t = tokens[i];
      if (t.equals(REST)) {
        return pos < topic.length();
      }
      int dot = topic.indexOf('.', pos);
      int end = dot < 0 ? topic.length() : dot;
      if (!t.equals(ONE) && !topic.regionMatches(pos, t, 0, t.length())
          || !t.equals(ONE) && end - pos != t.length()) {
        return false;
      }
      if (end == pos) {
        return false;
      }
      pos = end + 1;
    }
    return pos == topic.length() + 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopicPattern p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
