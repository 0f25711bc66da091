package io.onex.bus.broker.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code onex.yaml} (or the embedded default) and validates all of it before anything is
 * started: syntax, unknown keys, types, ranges and conflicts between buses. Stateless; any thread.
 */
public final class ConfigLoader {
  private static final String DEFAULT_RESOURCE = "onex-default.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {}

  public static OnexConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          file.toString(),
          List.of(new ConfigException.Problem("", "cannot read: " + e.getMessage())));
    }
    return parse(text, file.toString(), file);
  }

  /** The four-bus default: telemetry, control, user, test. */
  public static OnexConfig loadDefault() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "embedded default", null);
    } catch (IOException | ConfigException e) {
      throw new IllegalStateException("the embedded default config is broken", e);
    }
  }

  public static OnexConfig parse(String yaml, String sourceName) throws ConfigException {
    return parse(yaml, sourceName, null);
  }

  private static OnexConfig parse(String yaml, String sourceName, Path source)
      throws ConfigException {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      throw new ConfigException(
          sourceName,
          List.of(
              new ConfigException.Problem(
                  "", "not valid YAML" + where + ": " + e.getOriginalMessage())));
    }
    return new ConfigReader(sourceName, source).read(root);
  }
}
