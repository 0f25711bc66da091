package io.onex.bus.cli.deploy;

import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.transport.sched.BatchScheduling;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduling policy of a process that runs brokers or benchmarks ({@code onex up}, {@code onex
 * bus start}, {@code onex registry start}, {@code onex bench}), chosen by {@code
 * ONEX_SCHED_POLICY}: {@code batch} (the default) puts every thread under {@code SCHED_BATCH}
 * ({@link BatchScheduling} says why), {@code default} leaves the kernel's default policy. The
 * outcome is logged once as {@code SCHED_POLICY}; a policy that cannot be applied is a warning, not
 * a failure. Main thread, before the command starts its own threads.
 */
public final class ProcessScheduling {
  /** The environment variable that chooses the policy. */
  public static final String ENV = "ONEX_SCHED_POLICY";

  private static final Logger LOG = LoggerFactory.getLogger(ProcessScheduling.class);

  /** The policies {@value #ENV} accepts. */
  enum Policy {
    BATCH,
    DEFAULT
  }

  private ProcessScheduling() {}

  /**
   * Applies the policy {@value #ENV} names (unset or blank: batch).
   *
   * @throws CliException exit code 2 when the variable names no known policy
   */
  public static void applyFromEnvironment() {
    apply(parse(System.getenv(ENV)));
  }

  static Policy parse(String value) {
    if (value == null || value.isBlank()) {
      return Policy.BATCH;
    }
    try {
      return Policy.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CliException(
          OnexCommand.EXIT_USAGE, ENV + " must be 'batch' or 'default', was '" + value + "'");
    }
  }

  private static void apply(Policy policy) {
    if (policy == Policy.DEFAULT) {
      LOG.atInfo()
          .addKeyValue("event", "SCHED_POLICY")
          .addKeyValue("policy", "default")
          .log("SCHED_POLICY default: {} is 'default', threads keep the kernel's policy", ENV);
      return;
    }
    BatchScheduling.Outcome outcome = BatchScheduling.applyToThisProcess();
    var line =
        (outcome.applied() ? LOG.atInfo() : LOG.atWarn())
            .addKeyValue("event", "SCHED_POLICY")
            .addKeyValue("policy", outcome.applied() ? "batch" : "default")
            .addKeyValue("detail", outcome.detail());
    if (outcome.applied()) {
      line.log("SCHED_POLICY batch: {}", outcome.detail());
    } else {
      line.log(
          "SCHED_POLICY default: SCHED_BATCH could not be applied ({}); latency at low rates"
              + " will suffer (docs/operations.md)",
          outcome.detail());
    }
  }
}
