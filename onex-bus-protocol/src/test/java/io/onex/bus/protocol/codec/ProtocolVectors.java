package io.onex.bus.protocol.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds and lists the files of docs/protocol-vectors. */
final class ProtocolVectors {
  static final String FOLDER = "docs/protocol-vectors";
  static final HexFormat HEX = HexFormat.of();

  private ProtocolVectors() {}

  /** docs/protocol-vectors, found by walking up from the working directory. */
  static Path directory() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve(FOLDER);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(FOLDER + " not found above " + Path.of("").toAbsolutePath());
  }

  /** The valid-frame vectors: every *.json directly in the folder. */
  static List<Path> valid() {
    return jsonFiles(directory());
  }

  /** The must-be-rejected vectors: every *.json in the invalid/ sub-folder. */
  static List<Path> invalid() {
    return jsonFiles(directory().resolve("invalid"));
  }

  private static List<Path> jsonFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
