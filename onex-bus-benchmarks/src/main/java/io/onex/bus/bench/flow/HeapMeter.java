package io.onex.bus.bench.flow;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.locks.LockSupport;

/**
 * Live heap of this JVM: full collections ({@code System.gc()}) until the heap left after them
 * stops moving. Read from each heap pool's usage after its last collection, so objects allocated
 * since (by the broker loop's timers, say) do not count. Fails where explicit GC is disabled, since
 * the reading would then be anything. Harness thread only.
 */
final class HeapMeter {
  private static final int MAX_ROUNDS = 10;
  private static final long SETTLED_BYTES = 32 * 1024;

  private HeapMeter() {}

  static long liveBytes() {
    if (ManagementFactory.getRuntimeMXBean()
        .getInputArguments()
        .contains("-XX:+DisableExplicitGC")) {
      throw new IllegalStateException(
          "the memory scenario needs System.gc(): drop -XX:+DisableExplicitGC");
    }
    long previous = Long.MAX_VALUE;
    long now = 0;
    for (int i = 0; i < MAX_ROUNDS; i++) {
      System.gc();
      // Lets reference processing and the loop thread's last garbage finish between rounds.
      LockSupport.parkNanos(50_000_000);
      now = afterLastCollection();
      if (Math.abs(previous - now) < SETTLED_BYTES) {
        break;
      }
      previous = now;
    }
    return now;
  }

  private static long afterLastCollection() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage u = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      if (u != null) {
        sum += u.getUsed();
      }
    }
    return sum;
  }
}
