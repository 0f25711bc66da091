package io.onex.bus.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The raw JeroMQ PUB→SUB pieces the 1→1 and latency scenarios share: a PUB bound on loopback and a
 * SUB on a receiving thread of its own, both with HWMs raised so PUB never drops a burst, and the
 * probe that waits out PUB/SUB's slow joiner. One-byte messages are join probes, never events. The
 * PUB belongs to the thread that created it; each SUB to its receiving thread.
 */
public final class RawPubSub {
  private static final int HWM = 10_000_000;
  private static final int MAX_MESSAGE = 1 << 20;

  private RawPubSub() {}

  /** A PUB socket in {@code context}, bound to an ephemeral loopback port. */
  public static ZMQ.Socket publisher(ZContext context) {
    ZMQ.Socket pub = context.createSocket(SocketType.PUB);
    pub.setSndHWM(HWM);
    pub.setMaxMsgSize(MAX_MESSAGE);
    pub.bind("tcp://127.0.0.1:*");
    return pub;
  }

  /**
   * Starts thread {@code name} with a SUB in {@code context} connected to {@code endpoint}: it
   * hands every event to {@code onEvent} while {@code running} says so, then closes its socket.
   * Returns once the publisher {@code pub} (owned by the calling thread) has been heard, probing
   * until then.
   */
  public static Thread subscribe(
      ZContext context,
      String endpoint,
      String name,
      BooleanSupplier running,
      Consumer<byte[]> onEvent,
      ZMQ.Socket pub) {
    CountDownLatch joined = new CountDownLatch(1);
    Thread t =
        new Thread(
            () -> {
              ZMQ.Socket sub = context.createSocket(SocketType.SUB);
              sub.setRcvHWM(HWM);
              sub.setMaxMsgSize(MAX_MESSAGE);
              sub.setReceiveTimeOut(100);
              sub.connect(endpoint);
              sub.subscribe(new byte[0]);
              while (running.getAsBoolean()) {
                byte[] m = sub.recv(0);
                if (m == null) {
                  continue;
                }
                if (m.length == 1) {
                  joined.countDown();
                } else {
                  onEvent.accept(m);
                }
              }
              sub.close();
            },
            name);
    t.start();
    try {
      while (!joined.await(20, TimeUnit.MILLISECONDS)) {
        pub.send(new byte[] {0}, 0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return t;
  }
}
