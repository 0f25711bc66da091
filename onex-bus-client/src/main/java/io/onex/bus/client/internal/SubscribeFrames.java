package io.onex.bus.client.internal;

import io.onex.bus.protocol.codec.Frame;

/** Builds the SUBSCRIBE frame of a subscription. Stateless; any thread. */
public final class SubscribeFrames {
  private SubscribeFrames() {}

  /** A fresh ref for a control frame. */
  public static int nextRef() {
    return ControlRefs.next();
  }

  public static Frame.Subscribe of(int ref, SubscriptionImpl s) {
    return new Frame.Subscribe(
        ref,
        s.id(),
        s.pattern(),
        s.options().queueSize(),
        s.options().dropPolicy().wireCode(),
        s.initialCredit(),
        s.options().filter().toProperties());
  }
}
