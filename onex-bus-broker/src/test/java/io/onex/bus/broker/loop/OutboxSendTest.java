package io.onex.bus.broker.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A DELIVER batch handed over without a copy is the first {@code length} bytes of a longer array.
 * Over real TCP, every such frame, small or larger than JeroMQ's zero-copy threshold, arrives as
 * exactly those bytes, and the stream stays intact for the frames after it.
 */
class OutboxSendTest {
  @Test
  void windowsOfLongerArraysArriveExactlyAndKeepTheStreamIntact() {
    try (ZContext context = new ZContext()) {
      ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
      int port = router.bindToRandomPort("tcp://127.0.0.1");
      ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
      dealer.setReceiveTimeOut(10_000);
      dealer.connect("tcp://127.0.0.1:" + port);
      dealer.send("hello");
      byte[] peer = router.recv();
      router.recv();

      for (int length : new int[] {5, 70_000, 9_000, 300_000, 7}) {
        byte[] array = new byte[2 * length + 13];
        for (int i = 0; i < array.length; i++) {
          array[i] = (byte) (i * 31 + length);
        }
        assertThat(Outbox.send(router, peer, array, length)).isEqualTo(Outbox.SendResult.SENT);
        assertThat(dealer.recv()).isEqualTo(Arrays.copyOf(array, length));
      }
      byte[] whole = "the whole array".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      assertThat(Outbox.send(router, peer, whole)).isEqualTo(Outbox.SendResult.SENT);
      assertThat(dealer.recv()).isEqualTo(whole);
    }
  }
}
