package io.onex.bus.broker.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A PUBLISH frame counts as pinned exactly while some subscription queue holds an event pointing
 * into it, however many events and queues that is, and whichever way they leave (delivered, evicted
 * by drop-oldest, or dropped with their subscription).
 */
class PinnedFramesTest {
  private final PinnedFrames pinned = new PinnedFrames();

  private static SubscriptionFlow.Queued event(PinnedFrames.Frame f, int i) {
    return new SubscriptionFlow.Queued(f, i * 10, 10, "t.x", i, 0, new byte[0]);
  }

  @Test
  void aFrameIsCountedOnceWhileAnyQueueHoldsAnEventOfItAndFreedByTheLast() {
    PinnedFrames.Frame frame = pinned.frame(new byte[1000]);
    SubscriptionFlow a = new SubscriptionFlow(100, true, 0);
    SubscriptionFlow b = new SubscriptionFlow(100, true, 0);
    SubscriptionFlow.Queued shared = event(frame, 0);
    a.append(shared);
    b.append(shared);
    a.append(event(frame, 1));

    assertThat(pinned.bytes()).isEqualTo(1000);
    assertThat(pinned.frames()).isEqualTo(1);
    assertThat(a.queuedBytes()).isEqualTo(20);

    a.poll();
    a.poll();
    assertThat(pinned.bytes()).isEqualTo(1000);
    b.poll();
    assertThat(pinned.bytes()).isZero();
    assertThat(pinned.frames()).isZero();
  }

  @Test
  void evictionAndClearingReleaseTheirFrames() {
    SubscriptionFlow small = new SubscriptionFlow(1, true, 0);
    PinnedFrames.Frame first = pinned.frame(new byte[100]);
    PinnedFrames.Frame second = pinned.frame(new byte[300]);
    small.append(event(first, 0));

    SubscriptionFlow.Queued evicted = small.evictOldest();
    small.append(event(second, 1));

    assertThat(evicted.isReusable()).isFalse();
    assertThat(pinned.bytes()).isEqualTo(300);
    small.clear();
    assertThat(pinned.bytes()).isZero();
  }

  @Test
  void onlyAnUnsharedCopyOfItsOwnMayLendItsBuffer() {
    SubscriptionFlow.Queued copy = new SubscriptionFlow.Queued(new byte[10], "t.x", 1, 0, null);
    assertThat(copy.isReusable()).isTrue();
    copy.markShared();
    assertThat(copy.isReusable()).isFalse();
    assertThat(event(pinned.frame(new byte[20]), 0).isReusable()).isFalse();
  }

  @Test
  void framesMayBePinnedUpToTheFloorPlusFourTimesWhatIsQueued() {
    SubscriptionFlow q = new SubscriptionFlow(10, true, 0);
    q.append(event(pinned.frame(new byte[(int) PinnedFrames.FLOOR_BYTES]), 0));
    assertThat(pinned.mayPin(0)).isTrue();

    q.append(event(pinned.frame(new byte[1]), 1));
    assertThat(pinned.mayPin(0)).isFalse();
    assertThat(pinned.mayPin(1)).isTrue();
  }
}
