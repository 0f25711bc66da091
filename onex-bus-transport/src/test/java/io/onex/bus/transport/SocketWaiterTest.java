package io.onex.bus.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The wait that replaces {@code ZMQ.Poller} in onex's loops, over real TCP loopback: it returns for
 * a message from a peer (which is then readable without blocking), for a watched pipe, and it
 * settles every wake-up of the socket's descriptor one way or the other.
 */
class SocketWaiterTest {
  private static final long LONG_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(30);

  @Test
  void everyMessageFromAPeerEndsAWaitAndIsThenReadable() throws Exception {
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
      int port = router.bindToRandomPort("tcp://127.0.0.1");
      ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
      dealer.connect("tcp://127.0.0.1:" + port);
      try (SocketWaiter waiter = new SocketWaiter(router)) {
        int messages = 200;
        Thread sender =
            new Thread(
                () -> {
                  for (int i = 0; i < messages; i++) {
                    dealer.send(("m" + i).getBytes(StandardCharsets.US_ASCII));
                  }
                });
        sender.start();
        int received = 0;
        int waits = 0;
        while (received < messages) {
          byte[] peer = router.recv(ZMQ.DONTWAIT);
          if (peer == null) {
            waiter.await(LONG_WAIT_MILLIS);
            waits++;
            continue;
          }
          assertThat(router.recvStr(ZMQ.DONTWAIT)).isEqualTo("m" + received);
          received++;
        }
        sender.join();
        assertThat(received).isEqualTo(messages);
        assertThat(waits).isPositive();
        // Every wait ended on a wake-up (or found input already there), never on the 30 s
        // timeout: a lost wake-up, a message there but the wait not ended, would show here.
        assertThat(waiter.timedOut()).isZero();
      }
    }
  }

  @Test
  void aWatchedPipeEndsAWaitWithoutSocketInput() throws Exception {
    try (ZContext context = new ZContext(1);
        Waker waker = new Waker()) {
      ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
      router.bindToRandomPort("tcp://127.0.0.1");
      try (SocketWaiter waiter = new SocketWaiter(router, waker.channel())) {
        waker.armed();
        Thread wakes = new Thread(waker::wake);
        wakes.start();
        waiter.await(LONG_WAIT_MILLIS);
        wakes.join();
        waker.disarm();
        assertThat(router.recv(ZMQ.DONTWAIT)).isNull();
        // The pipe, not the 30 s timeout, ended the wait; the socket's descriptor never fired.
        assertThat(waiter.timedOut()).isZero();
        assertThat(waiter.settled() + waiter.noInput() + waiter.unsettled()).isZero();
      }
    }
  }

  @Test
  void aWaitWithoutTimeLeftReturnsAtOnce() {
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
      router.bindToRandomPort("tcp://127.0.0.1");
      try (SocketWaiter waiter = new SocketWaiter(router)) {
        // A negative or zero wait would block forever in a plain Selector.select(0).
        waiter.await(0);
        waiter.await(-5);
        assertThat(router.recv(ZMQ.DONTWAIT)).isNull();
      }
    }
  }
}
