package io.onex.bus.jmh;

import io.onex.bus.config.ConfigException;
import io.onex.bus.protocol.ProtocolException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The broker's routing step, per event: one PUBLISH of {@value Batches#EVENTS} events of {@code
 * size} bytes on one topic, routed by one pass of the real broker loop ({@link InProcessLoop}) to
 * {@code subscribers} sessions and flushed, the DELIVER frames and the ACK taken off {@code
 * inproc://} pipes by the same thread. No TCP, no I/O thread, no thread hand-off: what remains is
 * the loop's own work (header scan, topic lookup, copying each record into each DELIVER batch) plus
 * JeroMQ's in-process pipe handling. JMH's threads only.
 */
public class RoutingStepBenchmark extends MicroBenchmark {
  @Param({"1", "10"})
  public int subscribers;

  @Param({"256"})
  public int size;

  private InProcessLoop loop;
  private byte[] frame;

  @Setup
  public void setUp() throws ConfigException, ProtocolException {
    loop = new InProcessLoop(subscribers, Batches.TOPIC);
    frame = Batches.publish(7, Batches.TOPIC, size);
  }

  @TearDown
  public void tearDown() {
    loop.close();
  }

  @Benchmark
  @OperationsPerInvocation(Batches.EVENTS)
  public long routeBatch() {
    return loop.routeOneBatch(frame);
  }
}
