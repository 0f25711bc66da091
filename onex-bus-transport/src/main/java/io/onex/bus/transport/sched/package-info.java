/**
 * The Linux scheduling policy onex's threads run under: reading the calling thread's ({@link
 * io.onex.bus.transport.sched.ThreadPolicy}) and putting a whole process under {@code SCHED_BATCH}
 * ({@link io.onex.bus.transport.sched.BatchScheduling}), which keeps JeroMQ's wake-up race from
 * stalling the pipeline (docs/CONCURRENCY.md, docs/performance.md).
 */
package io.onex.bus.transport.sched;
