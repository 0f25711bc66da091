package io.onex.bus.client.internal;

import io.onex.bus.client.PublishResult;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.schema.SchemaFailure;
import io.onex.bus.transport.RateLimitedLog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PUBLISH frames awaiting their ACK, by ref. Per-event ERRORs are remembered until the ACK,
 * which then numbers the remaining events in order. An event published without a result has a null
 * future: it is counted like the others, and a rejection of it is counted in {@link
 * #rejectedWithoutResult()} and logged (rate-limited) since nobody else will hear of it. Owned by
 * the I/O thread, except {@link #rejectedWithoutResult()}.
 */
final class PendingPublishes {
  private static final Logger LOG = LoggerFactory.getLogger(PendingPublishes.class);
  private static final LongConsumer REJECTIONS_HELD_BACK =
      RateLimitedLog.suppressedLine(LOG, null, "EVENT_REJECTED");

  private static final class Batch {
    final List<CompletableFuture<PublishResult>> futures;
    final PublishResult[] rejected;

    Batch(List<CompletableFuture<PublishResult>> futures) {
      this.futures = futures;
      this.rejected = new PublishResult[futures.size()];
    }
  }

  private final Map<Integer, Batch> byRef = new HashMap<>();
  private final InFlight inFlight;
  private final AtomicLong rejectedWithoutResult = new AtomicLong();
  private final RateLimitedLog rejectionLog = new RateLimitedLog(10, 1000);

  PendingPublishes(InFlight inFlight) {
    this.inFlight = inFlight;
  }

  private int nextRef = 1;

  int add(List<CompletableFuture<PublishResult>> futures) {
    int ref = nextRef++;
    if (nextRef >= 0x4000_0000) {
      // PUBLISH refs stay in the lower half; SUBSCRIBE/UNSUBSCRIBE use the upper (ControlRefs).
      nextRef = 1;
    }
    byRef.put(ref, new Batch(futures));
    return ref;
  }

  boolean isEmpty() {
    return byRef.isEmpty();
  }

  int size() {
    return byRef.size();
  }

  /** An ERROR about one event (or the whole frame); false if the ref is not a publish of ours. */
  boolean error(Frame.Error e) {
    Batch b = byRef.get(e.ref());
    if (b == null) {
      return false;
    }
    ErrorCode code = ErrorCode.fromCode(e.code());
    PublishResult r = PublishResult.rejected(code, e.message(), e.offending());
    if (e.index() == Frame.Error.WHOLE_FRAME) {
      byRef.remove(e.ref());
      b.futures.forEach(f -> complete(f, r));
      inFlight.done(b.futures.size());
    } else if (e.index() < b.rejected.length) {
      b.rejected[e.index()] = r;
    }
    return true;
  }

  /** A SCHEMA_ERROR about one event; false if the ref is not a publish of ours. */
  boolean schemaError(Frame.SchemaError e) {
    Batch b = byRef.get(e.ref());
    if (b == null) {
      return false;
    }
    if (e.index() < b.rejected.length) {
      SchemaFailure f =
          new SchemaFailure(
              ErrorCode.fromCode(e.code()),
              e.message(),
              e.schemaHash(),
              e.schemaTopic(),
              e.schemaVersion(),
              e.violations());
      b.rejected[e.index()] = PublishResult.rejectedBySchema(f, e.offending());
    }
    return true;
  }

  /** The ACK of a frame; false if the ref is not a publish of ours. */
  boolean ack(Frame.Ack a) {
    Batch b = byRef.remove(a.ref());
    if (b == null) {
      return false;
    }
    long seq = a.sequence();
    for (int i = 0; i < b.futures.size(); i++) {
      CompletableFuture<PublishResult> f = b.futures.get(i);
      if (b.rejected[i] != null) {
        complete(f, b.rejected[i]);
      } else {
        if (f != null) {
          f.complete(PublishResult.accepted(seq));
        }
        seq++;
      }
    }
    inFlight.done(b.futures.size());
    return true;
  }

  /** Fails everything still waiting (connection lost, or closing). */
  void failAll(String why) {
    PublishResult r = PublishResult.notSent(why);
    for (Batch b : byRef.values()) {
      b.futures.forEach(f -> complete(f, r));
      inFlight.done(b.futures.size());
    }
    byRef.clear();
  }

  /** Any thread: events published without a result that the bus rejected or that were lost. */
  long rejectedWithoutResult() {
    return rejectedWithoutResult.get();
  }

  /**
   * Completes {@code f}; a publish without a result (null) is counted and logged instead. Returns
   * false if {@code f} had already been completed.
   */
  boolean complete(CompletableFuture<PublishResult> f, PublishResult r) {
    if (f != null) {
      return f.complete(r);
    }
    rejectedWithoutResult.incrementAndGet();
    if (rejectionLog.tryAcquire(System.currentTimeMillis(), REJECTIONS_HELD_BACK)) {
      LOG.atWarn()
          .addKeyValue("event", "EVENT_REJECTED")
          .addKeyValue("status", r.status())
          .addKeyValue("code", r.code())
          .log("an event published without a result was not accepted: {}", r.message());
    }
    return true;
  }
}
