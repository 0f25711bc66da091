package io.onex.bus.protocol.filter;

import io.onex.bus.protocol.ProtocolException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One tag condition: {@code k=v} (the tag is present with that value), {@code k in (a,b)} (present
 * with one of the values) or {@code k exists} (present, any value). Keys and values are plain
 * tokens without spaces, commas, parentheses, {@code =} or {@code ;}. Immutable; any thread.
 */
record TagClause(String key, Operator operator, Set<String> values) {
  enum Operator {
    EQUALS,
    IN,
    EXISTS
  }

  private static final String TOKEN = "([^\\s=,;()]+)";
  private static final Pattern EQUALS = Pattern.compile(TOKEN + "\\s*=\\s*" + TOKEN);
  private static final Pattern IN = Pattern.compile(TOKEN + "\\s+in\\s*\\(([^()]*)\\)");
  private static final Pattern EXISTS = Pattern.compile(TOKEN + "\\s+exists");
  private static final Pattern VALUE = Pattern.compile(TOKEN);

  static TagClause parse(String text) throws ProtocolException {
    Matcher m = EQUALS.matcher(text);
    if (m.matches()) {
      return new TagClause(m.group(1), Operator.EQUALS, Set.of(m.group(2)));
    }
    m = IN.matcher(text);
    if (m.matches()) {
      Set<String> values = new LinkedHashSet<>();
      for (String v : m.group(2).split(",", -1)) {
        String value = v.trim();
        if (!VALUE.matcher(value).matches()) {
          throw EventFilter.invalid("'in' needs a list of plain values like (a,b)", text);
        }
        values.add(value);
      }
      return new TagClause(m.group(1), Operator.IN, Set.copyOf(values));
    }
    m = EXISTS.matcher(text);
    if (m.matches()) {
      return new TagClause(m.group(1), Operator.EXISTS, Set.of());
    }
    throw EventFilter.invalid(
        "a tag clause is 'k=v', 'k in (a,b)' or 'k exists'; unknown or malformed operator", text);
  }

  boolean test(Map<String, String> tags) {
    String v = tags.get(key);
    return switch (operator) {
      case EXISTS -> v != null;
      case EQUALS, IN -> v != null && values.contains(v);
    };
  }

  @Override
  public String toString() {
    return switch (operator) {
      case EQUALS -> key + "=" + values.iterator().next();
      case IN -> key + " in (" + String.join(",", values) + ")";
      case EXISTS -> key + " exists";
    };
  }
}
