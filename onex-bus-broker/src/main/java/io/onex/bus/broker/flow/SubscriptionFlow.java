package io.onex.bus.broker.flow;

import java.util.ArrayDeque;

/**
 * One subscription's flow state in the broker: its credit (deliveries it still accepts, or
 * unlimited) and its bounded queue of events waiting for credit or for the connection to take them.
 * A full queue drops by the subscription's policy, and each run of drops becomes one gap entry at
 * the place in the stream where it happened, so the subscriber is told exactly what it lost. Owned
 * by the broker loop thread.
 */
public final class SubscriptionFlow {
  /** Credit meaning no credit accounting at all (the wire's {@code 0xFFFFFFFF}). */
  public static final long UNLIMITED = -1;

  /** The most credit a subscription may hold; more is refused as an overflow. */
  public static final long MAX_CREDIT = 0xFFFF_FFFEL;

  private final int bound;
  private final boolean dropOldest;
  // Two slots, not the default 17: most subscriptions keep up and never queue, and with 10,000 of
  // them the default array alone was 64 of the ~960 bytes a subscription costs. It grows on use.
  private final ArrayDeque<Entry> queue = new ArrayDeque<>(1);
  private long credit;
  private int queuedEvents;
  private long queuedBytes;
  private long dropped;
  private long droppedSinceReport;
  private long delivered;
  private long deliveredSinceReport;
  private long lastDeliveredSequence;
  private long lastQueuedSequence;
  private boolean waiting;
  private boolean reported;
  private String lastDroppedTopic = "";

  /**
   * @param bound the most events the queue holds
   * @param dropOldest true for drop-oldest, false for drop-newest
   * @param initialCredit deliveries granted up front, or {@link #UNLIMITED}
   */
  public SubscriptionFlow(int bound, boolean dropOldest, long initialCredit) {
    this.bound = bound;
    this.dropOldest = dropOldest;
    this.credit = initialCredit;
  }

  /**
   * A queued event: its record's bytes and its delivery stamp. The bytes are either a copy of its
   * own or, when {@link #frame} is set, a window on the PUBLISH frame it arrived in (see {@link
   * PinnedFrames}). Every field is the same for each subscription that queues the event, so one
   * entry serves them all (fan-out to slow subscribers copies each event once at most, not once per
   * subscription); {@link #isShared} then forbids reusing its bytes for another event.
   */
  public static final class Queued implements Entry {
    private final byte[] record;
    private final int offset;
    private final int length;
    private final String topic;
    private final long sequence;
    private final long timeMicros;
    private final byte[] publisher;
    private final PinnedFrames.Frame frame;
    private boolean shared;

    /** An event whose bytes are {@code record}, a copy of its own. */
    public Queued(byte[] record, String topic, long sequence, long timeMicros, byte[] publisher) {
      this(record, 0, record.length, topic, sequence, timeMicros, publisher, null);
    }

    /** An event that is {@code frame}'s bytes {@code [offset, offset + length)}. */
    public Queued(
        PinnedFrames.Frame frame,
        int offset,
        int length,
        String topic,
        long sequence,
        long timeMicros,
        byte[] publisher) {
      this(frame.bytes(), offset, length, topic, sequence, timeMicros, publisher, frame);
    }

    private Queued(
        byte[] record,
        int offset,
        int length,
        String topic,
        long sequence,
        long timeMicros,
        byte[] publisher,
        PinnedFrames.Frame frame) {
      this.record = record;
      this.offset = offset;
      this.length = length;
      this.topic = topic;
      this.sequence = sequence;
      this.timeMicros = timeMicros;
      this.publisher = publisher;
      this.frame = frame;
    }

    /** The array holding the record, at {@link #offset} for {@link #length} bytes. */
    public byte[] record() {
      return record;
    }

    public int offset() {
      return offset;
    }

    public int length() {
      return length;
    }

    public String topic() {
      return topic;
    }

    public long sequence() {
      return sequence;
    }

    public long timeMicros() {
      return timeMicros;
    }

    public byte[] publisher() {
      return publisher;
    }

    /** Whether the bytes are a copy of this event's own that no other queue holds. */
    public boolean isReusable() {
      return frame == null && !shared;
    }

    /** Whether more than one subscription queued this entry. */
    public boolean isShared() {
      return shared;
    }

    /** Another subscription queues this same entry. */
    public void markShared() {
      shared = true;
    }

    void retain() {
      if (frame != null) {
        frame.retain();
      }
    }

    void release() {
      if (frame != null) {
        frame.release();
      }
    }
  }

  /** A run of events this subscription lost. */
  public static final class Gap implements Entry {
    private long lost;
    private long first;
    private long last;

    Gap(long sequence) {
      this.first = sequence;
      this.last = sequence;
    }

    /** Events lost. */
    public long lost() {
      return lost;
    }

    /** Sequence of the first event lost. */
    public long first() {
      return first;
    }

    /** Sequence of the last event lost. */
    public long last() {
      return last;
    }

    void add(long sequence) {
      lost++;
      first = Math.min(first, sequence);
      last = Math.max(last, sequence);
    }
  }

  /** What a queue holds, in stream order. */
  public sealed interface Entry permits Queued, Gap {}

  /** Whether an event may go straight out: nothing queued ahead of it and credit left. */
  public boolean canSendDirect() {
    return queue.isEmpty() && hasCredit();
  }

  public boolean hasCredit() {
    return credit == UNLIMITED || credit > 0;
  }

  /** One delivery went out. */
  public void spend(long sequence) {
    if (credit != UNLIMITED) {
      credit--;
    }
    delivered++;
    deliveredSinceReport++;
    lastDeliveredSequence = sequence;
  }

  /**
   * Adds {@code n} to the credit.
   *
   * @return false when that would pass {@link #MAX_CREDIT} (the credit is left as it was), or the
   *     subscription has unlimited credit anyway
   */
  public boolean grant(long n) {
    if (credit == UNLIMITED) {
      return true;
    }
    if (credit + n > MAX_CREDIT) {
      return false;
    }
    credit += n;
    return true;
  }

  /** Whether the queue holds its bound. */
  public boolean isFull() {
    return queuedEvents >= bound;
  }

  /** Drop-newest on a full queue: the arriving event {@code sequence} is lost, into a gap. */
  public void dropArrival(long sequence) {
    lastQueuedSequence = sequence;
    tailGap(sequence).add(sequence);
    countDrop();
  }

  /**
   * Drop-oldest on a full queue, in two steps so the caller can reuse the evicted event's buffer:
   * the oldest queued event goes into the gap at the head, and is returned.
   */
  public Queued evictOldest() {
    Queued oldest = removeOldestEvent();
    countDrop();
    return oldest;
  }

  /** Queues {@code q} without any drop (the caller made room). */
  public void append(Queued q) {
    lastQueuedSequence = q.sequence();
    add(q);
  }

  private void add(Queued q) {
    queue.addLast(q);
    q.retain();
    queuedEvents++;
    queuedBytes += q.length();
  }

  private void countDrop() {
    dropped++;
    droppedSinceReport++;
  }

  /** The gap at the tail, made when the tail is an event. */
  private Gap tailGap(long sequence) {
    if (queue.peekLast() instanceof Gap g) {
      return g;
    }
    Gap g = new Gap(sequence);
    queue.addLast(g);
    return g;
  }

  /** Drops the oldest queued event into the gap at the head of the queue. */
  private Queued removeOldestEvent() {
    Gap head = queue.peekFirst() instanceof Gap g ? g : null;
    if (head != null) {
      queue.pollFirst();
    }
    Queued oldest = (Queued) queue.pollFirst();
    oldest.release();
    queuedEvents--;
    queuedBytes -= oldest.length();
    if (head == null) {
      head = new Gap(oldest.sequence());
    }
    head.add(oldest.sequence());
    // A gap that now meets the next gap (drop-newest never mixes with this) stays one marker.
    queue.addFirst(head);
    return oldest;
  }

  /** The next entry to send, removed from the queue; null when empty. */
  public Entry poll() {
    Entry e = queue.pollFirst();
    if (e instanceof Queued q) {
      q.release();
      queuedEvents--;
      queuedBytes -= q.length();
    }
    return e;
  }

  /** The next entry, left in place. */
  public Entry peek() {
    return queue.peekFirst();
  }

  /** Everything queued, removed (the subscription ends). */
  public void clear() {
    for (Entry e : queue) {
      if (e instanceof Queued q) {
        q.release();
      }
    }
    queue.clear();
    queuedEvents = 0;
    queuedBytes = 0;
  }

  /** Events waiting in the queue. */
  public int queuedEvents() {
    return queuedEvents;
  }

  /** Bytes of the events waiting in the queue. */
  public long queuedBytes() {
    return queuedBytes;
  }

  /** The queue's bound. */
  public int bound() {
    return bound;
  }

  /** The credit left, or {@link #UNLIMITED}. */
  public long credit() {
    return credit;
  }

  /** Events dropped so far. */
  public long dropped() {
    return dropped;
  }

  /** Events delivered so far. */
  public long delivered() {
    return delivered;
  }

  /** How many bus sequences the subscription is behind: last queued minus last delivered. */
  public long behind() {
    return queuedEvents == 0 ? 0 : Math.max(0, lastQueuedSequence - lastDeliveredSequence);
  }

  public boolean dropOldest() {
    return dropOldest;
  }

  /** The topic of the most recent event this subscription dropped (for EVENT_DROPPED). */
  public String lastDroppedTopic() {
    return lastDroppedTopic;
  }

  public void setLastDroppedTopic(String topic) {
    lastDroppedTopic = topic;
  }

  public boolean isReported() {
    return reported;
  }

  public void setReported(boolean r) {
    reported = r;
  }

  public boolean isWaiting() {
    return waiting;
  }

  public void setWaiting(boolean w) {
    waiting = w;
  }

  /** Drops and deliveries since the last call, then both reset. */
  public long[] takeReport() {
    long[] r = {droppedSinceReport, deliveredSinceReport};
    droppedSinceReport = 0;
    deliveredSinceReport = 0;
    return r;
  }
}
