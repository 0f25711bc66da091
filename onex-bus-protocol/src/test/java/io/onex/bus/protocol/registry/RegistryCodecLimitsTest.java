package io.onex.bus.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The body limits per command and for replies: SCHEMA_REGISTER may carry a large schema. */
class RegistryCodecLimitsTest {
  private static byte[] body(int bytes) {
    String head = "{\"pad\":\"";
    String text = head + "a".repeat(bytes - head.length() - 2) + "\"}";
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    assertThat(b).hasSize(bytes);
    return b;
  }

  @Test
  void schemaRegisterMayCarryMoreThanOtherCommands() throws Exception {
    byte[] big = body(RegistryCodec.MAX_SCHEMA_REGISTER_BODY_BYTES);
    assertThat(
            RegistryCodec.decodeRequest("SCHEMA_REGISTER".getBytes(StandardCharsets.US_ASCII), big)
                .command())
        .isEqualTo(RegistryCommand.SCHEMA_REGISTER);

    ProtocolException other =
        catchThrowableOfType(
            ProtocolException.class,
            () ->
                RegistryCodec.decodeRequest(
                    "SCHEMA_LIST".getBytes(StandardCharsets.US_ASCII), big));
    assertThat(other.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
    assertThat(other.getMessage()).endsWith("the limit is " + RegistryCodec.MAX_BODY_BYTES);

    ProtocolException over =
        catchThrowableOfType(
            ProtocolException.class,
            () ->
                RegistryCodec.decodeRequest(
                    "SCHEMA_REGISTER".getBytes(StandardCharsets.US_ASCII),
                    body(RegistryCodec.MAX_SCHEMA_REGISTER_BODY_BYTES + 1)));
    assertThat(over.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
    assertThat(over.getMessage())
        .endsWith("the limit is " + RegistryCodec.MAX_SCHEMA_REGISTER_BODY_BYTES);
  }

  @Test
  void aReplyMayBeLargerThanARequest() throws Exception {
    byte[] big = body(RegistryCodec.MAX_SCHEMA_REGISTER_BODY_BYTES * 4);
    assertThat(RegistryCodec.decodeReply("OK".getBytes(StandardCharsets.US_ASCII), big).ok())
        .isTrue();
  }

  @Test
  void anUnknownCommandIsToldEveryCommandName() {
    ProtocolException e =
        catchThrowableOfType(
            ProtocolException.class,
            () ->
                RegistryCodec.decodeRequest("NOPE".getBytes(StandardCharsets.US_ASCII), body(10)));
    for (RegistryCommand c : RegistryCommand.values()) {
      assertThat(e.getMessage()).contains(c.name());
    }
  }
}
