package io.onex.bus.cli.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes and removes the files by which other {@code onex} commands find a running {@code onex up}.
 * Written atomically (temp file, then move) so a reader never sees half a file. Main thread and the
 * shutdown hook.
 */
public final class StateFiles {
  private StateFiles() {}

  public static void writeHttpEndpoint(OnexHome home, String url) {
    write(home.httpEndpointFile(), url + "\n");
  }

  public static void writeRegistryEndpoint(OnexHome home, String endpoint) {
    write(home.registryEndpointFile(), endpoint + "\n");
  }

  public static void remove(OnexHome home) {
    try {
      Files.deleteIfExists(home.httpEndpointFile());
      Files.deleteIfExists(home.registryEndpointFile());
    } catch (IOException e) {
      // Best effort at shutdown: a stale file only makes later commands fail to connect.
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
