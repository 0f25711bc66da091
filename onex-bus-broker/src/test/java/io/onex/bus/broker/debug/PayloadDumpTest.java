package io.onex.bus.broker.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a debug line shows of a payload: redacted at any depth of metadata, capped, marked. */
class PayloadDumpTest {
  private static final String EVENT =
      "{\"event_id\":\"e-1\",\"metadata\":{\"token\":\"s3cr3t\",\"inner\":{\"token\":\"x\"},"
          + "\"list\":[{\"token\":\"y\"}],\"ok\":\"é\"}}";

  @Test
  void redactedKeysAreMaskedAtAnyDepthAndTheEventIdIsRead() {
    PayloadDump.Dump d = dump(4096, List.of("token"), EVENT);

    assertThat(d.text()).doesNotContain("s3cr3t").doesNotContain("\"x\"").doesNotContain("\"y\"");
    assertThat(d.text()).contains("\"token\":\"***\"").contains("\"ok\":\"é\"");
    assertThat(d.truncated()).isFalse();
    assertThat(d.eventId()).isEqualTo("e-1");
  }

  @Test
  void aPayloadOverTheCapIsCutAtACharacterBoundaryAndMarked() {
    String text = "{\"event_id\":\"e-2\",\"metadata\":{\"s\":\"ééééé\"}}";
    int cap = text.indexOf('é') + 1; // in the middle of the first two-byte character

    PayloadDump.Dump d = dump(cap, List.of(), text);

    assertThat(d.truncated()).isTrue();
    assertThat(d.text()).isEqualTo(text.substring(0, text.indexOf('é')));
    assertThat(dump(0, List.of(), text).text()).isEmpty();
  }

  @Test
  void aPayloadThatIsNotJsonIsWithheldWhenKeysAreToBeRedacted() {
    assertThat(dump(4096, List.of("token"), "{not json").text()).startsWith("(payload withheld");
    assertThat(dump(4096, List.of(), "{not json").text()).isEqualTo("{not json");
  }

  private static PayloadDump.Dump dump(int cap, List<String> redact, String payload) {
    byte[] b = ("xx" + payload).getBytes(StandardCharsets.UTF_8);
    return new PayloadDump(cap, redact).of(b, 2, b.length - 2);
  }
}
