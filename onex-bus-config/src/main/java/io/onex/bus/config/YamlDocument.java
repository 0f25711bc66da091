package io.onex.bus.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses one YAML document into a Jackson tree, refusing what Jackson would otherwise accept
 * silently: duplicate keys (the last would win), aliases (Jackson's tree turns {@code *x} into the
 * string "x"), binary or other tagged values, and a second document after {@code ---}. Syntax
 * errors carry line and column. One instance per parse, one thread.
 */
final class YamlDocument {
  // YAMLFactory is thread-safe; each parse gets its own parser.
  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String source;
  private final YAMLParser parser;

  private YamlDocument(String source, YAMLParser parser) {
    this.source = source;
    this.parser = parser;
  }

  /** The document's tree; null when the text holds no document at all (empty or comments). */
  static JsonNode parse(String text, String source) throws ConfigException {
    try (YAMLParser p = FACTORY.createParser(text)) {
      return new YamlDocument(source, p).document();
    } catch (JsonProcessingException e) {
      throw syntax(source, e);
    } catch (IOException e) {
      throw new ConfigException(source, "", "cannot read: " + e.getMessage(), e);
    }
  }

  private JsonNode document() throws IOException, ConfigException {
    if (parser.nextToken() == null) {
      return null;
    }
    JsonNode root = value();
    if (parser.nextToken() != null) {
      throw fail("", "starts a second YAML document; put everything in one");
    }
    return root;
  }

  private JsonNode value() throws IOException, ConfigException {
    if (parser.isCurrentAlias()) {
      throw fail(path(parser), "is the alias *" + parser.getText() + "; aliases are not supported");
    }
    JsonToken t = parser.currentToken();
    switch (t) {
      case START_OBJECT:
        ObjectNode o = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          if (o.has(key)) {
            throw fail(path(parser), "duplicate key '" + key + "'");
          }
          parser.nextToken();
          o.set(key, value());
        }
        return o;
      case START_ARRAY:
        ArrayNode a = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          a.add(value());
        }
        return a;
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return NODES.booleanNode(parser.getBooleanValue());
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw fail(path(parser), "holds a YAML value of an unsupported type (" + t + ")");
    }
  }

  private ConfigException fail(String key, String what) {
    JsonLocation at = parser.currentTokenLocation();
    return new ConfigException(
        source,
        key,
        what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")",
        null);
  }

  private static ConfigException syntax(String source, JsonProcessingException e) {
    String key = e.getProcessor() instanceof JsonParser p ? path(p) : "";
    // snakeyaml's own mark points at the offending character; Jackson's location may not.
    if (e.getCause() instanceof MarkedYAMLException y && y.getProblemMark() != null) {
      Mark m = y.getProblemMark();
      return new ConfigException(
          source,
          key,
          "not valid YAML at line "
              + (m.getLine() + 1)
              + ", column "
              + (m.getColumn() + 1)
              + ": "
              + oneLine(y.getProblem()),
          e);
    }
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new ConfigException(
        source, key, "not valid YAML" + where + ": " + oneLine(e.getOriginalMessage()), e);
  }

  /** Parser messages may span lines; an error report is one line per problem. */
  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  /** The parser's position as a key path, e.g. {@code buses[0].queue.size}. */
  private static String path(JsonParser p) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    String s = String.join("", parts);
    return s.startsWith(".") ? s.substring(1) : s;
  }
}
