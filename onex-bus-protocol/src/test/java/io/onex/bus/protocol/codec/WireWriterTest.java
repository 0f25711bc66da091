package io.onex.bus.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@link WireWriter#handOver} gives away and what it copies. */
class WireWriterTest {
  @Test
  void aBufferAtLeastHalfFullIsHandedOverAndTheNextWriteGoesElsewhere() {
    WireWriter w = new WireWriter(16);
    w.bytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    byte[] handed = w.handOver();

    assertThat(handed).hasSize(16).startsWith(1, 2, 3, 4, 5, 6, 7, 8, 9);
    w.reset().bytes(new byte[] {42});
    assertThat(handed[0]).isEqualTo((byte) 1);
  }

  @Test
  void aMostlyEmptyOrAVeryLargeBufferIsCopiedExactly() {
    WireWriter small = new WireWriter(64);
    small.u32(7);
    assertThat(small.handOver()).hasSize(4);

    WireWriter large = new WireWriter(WireWriter.HAND_OVER_MAX_BYTES + 1);
    large.bytes(new byte[WireWriter.HAND_OVER_MAX_BYTES]);
    assertThat(large.handOver()).hasSize(WireWriter.HAND_OVER_MAX_BYTES);
  }
}
