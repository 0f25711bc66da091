package io.onex.bus.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec against docs/protocol-vectors: every committed vector decodes to the frame its JSON
 * describes and that frame encodes to exactly its bytes; every invalid vector is rejected with its
 * code. The files are the source of truth; {@link ProtocolVectorGenerator} only drafts them.
 */
class ProtocolVectorsTest {

  static Stream<Path> validVectors() {
    return ProtocolVectors.valid().stream();
  }

  static Stream<Path> invalidVectors() {
    return ProtocolVectors.invalid().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validVectors")
  void decodesToItsFrameAndEncodesToItsBytes(Path file) throws Exception {
    JsonNode vector = read(file);
    assertThat(vector.path("name").asText()).isEqualTo(baseName(file));
    assertThat(vector.path("description").asText()).isNotBlank();
    String hex = vector.path("hex").asText();
    assertThat(hex).matches("([0-9a-f]{2})+");
    byte[] bytes = ProtocolVectors.HEX.parseHex(hex);
    Frame frame = FrameJson.toFrame(vector.get("frame"));

    assertThat(FrameCodec.decode(bytes)).isEqualTo(frame);
    assertThat(ProtocolVectors.HEX.formatHex(FrameCodec.encode(frame))).isEqualTo(hex);
    assertThat(FrameCodec.commandOf(bytes)).isEqualTo(frame.command());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidVectors")
  void invalidVectorIsRejectedWithItsCode(Path file) throws Exception {
    JsonNode vector = read(file);
    assertThat(vector.path("name").asText()).isEqualTo(baseName(file));
    ErrorCode code = ErrorCode.valueOf(vector.path("error").asText());
    assertThat(vector.path("error_code").asInt()).isEqualTo(code.code());
    byte[] bytes = ProtocolVectors.HEX.parseHex(vector.path("hex").asText());

    assertThatThrownBy(() -> FrameCodec.decode(bytes))
        .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void everyCommandHasAVector() throws IOException {
    Set<Command> seen = EnumSet.noneOf(Command.class);
    for (Path file : ProtocolVectors.valid()) {
      seen.add(Command.valueOf(read(file).get("frame").get("command").asText()));
    }
    assertThat(seen).containsExactlyInAnyOrder(Command.values());
  }

  @Test
  void requiredExamplesArePresent() throws Exception {
    List<Frame> frames = ProtocolVectors.valid().stream().map(ProtocolVectorsTest::frame).toList();
    assertThat(frames)
        .anySatisfy(f -> assertThat(f).isInstanceOfSatisfying(Frame.Publish.class, this::single))
        .anySatisfy(f -> assertThat(f).isInstanceOfSatisfying(Frame.Publish.class, this::batch))
        .anySatisfy(
            f ->
                assertThat(f)
                    .isInstanceOfSatisfying(
                        Frame.Subscribe.class, s -> assertThat(s.properties()).isNotEmpty()))
        .anySatisfy(
            f ->
                assertThat(f)
                    .isInstanceOfSatisfying(
                        Frame.Deliver.class, d -> assertThat(d.deliveries()).hasSize(2)));
  }

  @Test
  void namesAreUniqueAndTheFolderHasAReadme() throws IOException {
    Set<String> names = new HashSet<>();
    for (Path file : ProtocolVectors.valid()) {
      assertThat(names.add(read(file).get("name").asText())).isTrue();
    }
    assertThat(ProtocolVectors.directory().resolve("README.md")).isRegularFile();
    assertThat(ProtocolVectors.invalid()).isNotEmpty();
  }

  private void single(Frame.Publish p) {
    assertThat(p.events()).hasSize(1);
  }

  private void batch(Frame.Publish p) {
    assertThat(p.events()).hasSize(3);
    assertThat(p.events()).anySatisfy(e -> assertThat(e.tags()).isNotEmpty());
    assertThat(p.events()).anySatisfy(e -> assertThat(e.correlationId()).isNotEmpty());
    assertThat(p.events())
        .anySatisfy(
            e -> {
              assertThat(e.correlationId()).isEmpty();
              assertThat(e.tags()).isEmpty();
            });
  }

  private static Frame frame(Path file) {
    try {
      return FrameJson.toFrame(read(file).get("frame"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode read(Path file) throws IOException {
    return FrameJson.JSON.readTree(Files.readString(file));
  }

  private static String baseName(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.length() - ".json".length());
  }
}
