package io.onex.bus.client.internal;

import io.onex.bus.client.PublishResult;
import io.onex.bus.protocol.codec.Frame;
import java.util.concurrent.CompletableFuture;

/**
 * Work an application thread hands the I/O thread: an encoded event with the future to complete, or
 * a control frame to send as is. Immutable; created on any thread, consumed by the I/O thread.
 */
public sealed interface Outbound {
  /**
   * One event, already encoded by the publishing thread; {@code result} is null when the publisher
   * asked for none ({@code publishEncodedNoResult}).
   */
  record Event(byte[] record, CompletableFuture<PublishResult> result) implements Outbound {}

  /** A frame other than PUBLISH (SUBSCRIBE, UNSUBSCRIBE, BYE). */
  record Control(Frame frame) implements Outbound {}
}
