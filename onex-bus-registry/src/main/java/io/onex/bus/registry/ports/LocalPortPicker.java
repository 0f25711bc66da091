package io.onex.bus.registry.ports;

import io.onex.bus.config.PortSpec;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Picks ports by probing this host, like portpicker's {@code pick_unused_port()} without a port
 * server: random candidates that {@link PortProbe} finds free and that are not leased. With a range
 * it stays inside it and, when random tries miss (or the range is small), scans every port of the
 * range so that a nearly full range still yields its last free port. Without a range it tries
 * portpicker's 15000-24999 first, then a port from the kernel.
 *
 * <p>A port it handed out is skipped until {@link #giveBack} or until it drops out of a bounded
 * memory of recent picks, because the lessee may not have bound it yet and a probe would then call
 * it free (portpicker's {@code _random_ports}).
 *
 * <p>Any thread. Picks are serialized; one costs a few bind calls, a full scan one per port.
 */
public final class LocalPortPicker implements PortPicker {
  /** portpicker's random range: below Linux's ephemeral ports, so outgoing connections leave it. */
  static final PortSpec.Range DEFAULT_RANGE = new PortSpec.Range(15000, 24999);

  /** Ranges this small are scanned whole at once; random tries would mostly hit the same ports. */
  static final int SCAN_AT_MOST = 64;

  /** Random candidates per pick before scanning the range (or asking the kernel). */
  static final int RANDOM_ATTEMPTS = 64;

  static final int KERNEL_ATTEMPTS = 10;

  /** Recent picks remembered; the lease manager gives ports back long before this many pile up. */
  static final int DEFAULT_RECENT_CAPACITY = 4096;

  private final Object lock = new Object();
  private final RandomGenerator random; // guarded by lock
  private final LinkedHashSet<Integer> recent = new LinkedHashSet<>(); // oldest first; lock
  private final int recentCapacity;

  /** Randomly seeded. */
  public LocalPortPicker() {
    this(RandomGeneratorFactory.<RandomGenerator>of("L64X128MixRandom").create(), 0);
  }

  /** With a fixed seed, so that tests repeat the same candidate sequence. */
  public LocalPortPicker(long seed) {
    this(RandomGeneratorFactory.<RandomGenerator>of("L64X128MixRandom").create(seed), 0);
  }

  /** Tests: {@code recentCapacity} 0 means the default. */
  LocalPortPicker(RandomGenerator random, int recentCapacity) {
    this.random = random;
    this.recentCapacity = recentCapacity > 0 ? recentCapacity : DEFAULT_RECENT_CAPACITY;
  }

  @Override
  public int pick(PortSpec.Range range, IntPredicate leased) throws NoFreePortException {
    Objects.requireNonNull(leased, "leased");
    synchronized (lock) {
      int port = range != null ? pickIn(range, leased) : pickAnywhere(leased);
      remember(port);
      return port;
    }
  }

  @Override
  public void giveBack(int port) {
    synchronized (lock) {
      recent.remove(port);
    }
  }

  private int pickIn(PortSpec.Range range, IntPredicate leased) throws NoFreePortException {
    if (range.size() > SCAN_AT_MOST) {
      for (int i = 0; i < RANDOM_ATTEMPTS; i++) {
        int port = range.from() + random.nextInt(range.size());
        if (usable(port, leased)) {
          return port;
        }
      }
    }
    // Every port once, starting at a random one so that concurrent registries do not all converge
    // on the lowest free port.
    int start = random.nextInt(range.size());
    for (int i = 0; i < range.size(); i++) {
      int port = range.from() + (start + i) % range.size();
      if (usable(port, leased)) {
        return port;
      }
    }
    throw new NoFreePortException(
        "no free port in range "
            + range.text()
            + ": each of its "
            + range.size()
            + " ports is leased, handed out moments ago, or bound by another process");
  }

  private int pickAnywhere(IntPredicate leased) throws NoFreePortException {
    PortSpec.Range range = DEFAULT_RANGE;
    for (int i = 0; i < RANDOM_ATTEMPTS; i++) {
      int port = range.from() + random.nextInt(range.size());
      if (usable(port, leased)) {
        return port;
      }
    }
    for (int i = 0; i < KERNEL_ATTEMPTS; i++) {
      int port = PortProbe.kernelAssigned();
      if (port != 0 && !recent.contains(port) && !leased.test(port)) {
        return port;
      }
    }
    throw new NoFreePortException(
        "no free port: "
            + RANDOM_ATTEMPTS
            + " random ports in "
            + range.text()
            + " and "
            + KERNEL_ATTEMPTS
            + " kernel-assigned ports were all leased, handed out moments ago, or in use");
  }

  /** Cheapest checks first: the probe binds two sockets. */
  private boolean usable(int port, IntPredicate leased) {
    return !recent.contains(port) && !leased.test(port) && PortProbe.isFree(port);
  }

  private void remember(int port) {
    recent.add(port);
    if (recent.size() > recentCapacity) {
      Iterator<Integer> oldest = recent.iterator();
      oldest.next();
      oldest.remove();
    }
  }
}
