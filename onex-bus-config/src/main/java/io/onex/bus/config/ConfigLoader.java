package io.onex.bus.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads {@code onex.yaml} (or the embedded default) and validates all of it before anything is
 * started: YAML syntax, unknown keys, types, ranges and conflicts between buses. Every problem
 * found is reported at once in a {@link ConfigException}. Stateless; any thread.
 */
public final class ConfigLoader {
  /** What {@link OnexConfig#sourceName()} and error messages call the embedded default. */
  public static final String EMBEDDED = "embedded default";

  static final String DEFAULT_RESOURCE = "onex-default.yaml";
  // A config is a few kilobytes; a huge file is a mistake (or the wrong file), not a config.
  static final long MAX_FILE_BYTES = 1 << 20;

  private ConfigLoader() {}

  /**
   * Loads and validates {@code file}. Error messages name it as given ({@code file.toString()}).
   *
   * @throws ConfigException when it cannot be read or is invalid in any way
   */
  public static OnexConfig load(Path file) throws ConfigException {
    String name = file.toString();
    String text;
    try {
      if (Files.isDirectory(file)) {
        throw new ConfigException(name, "", "is a directory, not a config file", null);
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ConfigException(
            name, "", "is larger than " + MAX_FILE_BYTES + " bytes; not a config file", null);
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(name, "", "no such file", e);
    } catch (CharacterCodingException e) {
      throw new ConfigException(name, "", "is not UTF-8 text", e);
    } catch (IOException e) {
      throw new ConfigException(name, "", "cannot read: " + e, e);
    }
    return new ConfigReader(name, file).read(YamlDocument.parse(text, name));
  }

  /**
   * The embedded default: buses {@code telemetry}, {@code control}, {@code user} and {@code test}
   * on ephemeral loopback ports, and the HTTP API on an ephemeral port.
   *
   * @throws IllegalStateException if the embedded file is missing or invalid (a build defect)
   */
  public static OnexConfig loadDefault() {
    try {
      return parse(defaultYaml(), EMBEDDED);
    } catch (ConfigException e) {
      throw new IllegalStateException("the embedded default config is invalid: " + e.report(), e);
    }
  }

  /**
   * Validates YAML text that did not come from a file (tests, tooling). The result's {@link
   * OnexConfig#source()} is null and a relative {@code home} stays relative.
   *
   * @param sourceName what error messages call the text
   * @throws ConfigException when it is invalid in any way
   */
  public static OnexConfig parse(String yaml, String sourceName) throws ConfigException {
    return new ConfigReader(sourceName, null).read(YamlDocument.parse(yaml, sourceName));
  }

  /** The text of the embedded default, e.g. for {@code onex} to print as a starting point. */
  public static String defaultYaml() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the embedded default config " + DEFAULT_RESOURCE + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the embedded default config", e);
    }
  }
}
