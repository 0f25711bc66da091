package io.onex.bus.bench.registry;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CPU went during a cell, to tell a saturated registry loop from a saturated machine: the
 * CPU time of the registry's loop thread ({@code onex-registry}, or another named thread such as a
 * broker's loop), of this whole JVM (clients included), and of the whole machine from {@code
 * /proc/stat} (other processes included; NaN where there is no such file). Each as cores busy on
 * average over the wall time between {@link #start} and {@link #stop}. Harness thread only.
 */
public final class CpuMeter {
  private static final String LOOP_THREAD = "onex-registry";
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final long loopThreadId;
  private long wall;
  private long loop;
  private long process;
  private long[] machine;

  /** What a cell used, in cores: 1.0 is one core busy for the whole time. */
  public record Usage(double loopCores, double processCores, double machineCores) {}

  CpuMeter() {
    this(LOOP_THREAD);
  }

  /** Meters the thread named {@code loopThread} as the loop (the broker's, for instance). */
  public CpuMeter(String loopThread) {
    long id = -1;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(loopThread)) {
        id = t.getId();
      }
    }
    this.loopThreadId = id;
  }

  public void start() {
    wall = System.nanoTime();
    loop = loopCpu();
    process = processCpu();
    machine = machineTicks();
  }

  public Usage stop() {
    double elapsed = System.nanoTime() - wall;
    double loopCores = loopThreadId < 0 ? Double.NaN : (loopCpu() - loop) / elapsed;
    double processCores = (processCpu() - process) / elapsed;
    long[] now = machineTicks();
    double machineCores = Double.NaN;
    if (machine != null && now != null && now[0] > machine[0]) {
      double busy = (now[0] - machine[0]) - (now[1] - machine[1]);
      machineCores = busy / (now[0] - machine[0]) * Runtime.getRuntime().availableProcessors();
    }
    return new Usage(loopCores, processCores, machineCores);
  }

  private long loopCpu() {
    return loopThreadId < 0 ? 0 : threads.getThreadCpuTime(loopThreadId);
  }

  private static long processCpu() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** All ticks and idle ticks (idle + iowait) of the machine, or null off Linux. */
  private static long[] machineTicks() {
    try {
      String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = cpu.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) { // user..steal; guest is inside user
        total += Long.parseLong(f[i]);
      }
      return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
