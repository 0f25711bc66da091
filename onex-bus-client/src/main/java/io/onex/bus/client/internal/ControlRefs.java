package io.onex.bus.client.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refs for SUBSCRIBE and UNSUBSCRIBE: the upper half of the ref space, so they never collide with
 * PUBLISH refs (which the I/O thread numbers from 1 in the lower half). Any thread.
 */
final class ControlRefs {
  private static final int BASE = 0x4000_0000;
  private static final AtomicInteger NEXT = new AtomicInteger();

  private ControlRefs() {}

  static int next() {
    return BASE | (NEXT.incrementAndGet() & 0x3FFF_FFFF);
  }
}
