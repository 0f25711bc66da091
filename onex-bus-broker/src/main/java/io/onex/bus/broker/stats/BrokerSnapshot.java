package io.onex.bus.broker.stats;

import io.onex.bus.protocol.ErrorCode;
import java.util.Map;

/**
 * The broker's totals at one instant, for HTTP, the CLI and tests. Immutable; any thread.
 *
 * @param sequence the last bus sequence assigned
 * @param rejectedByCode rejected inputs per error code
 * @param policyDenied deliveries the bus policy withheld
 * @param queuedEvents events waiting in subscription queues (for credit or a full pipe)
 * @param queuedBytes their bytes
 * @param pinnedBytes bytes of the PUBLISH frames that queued events point into instead of holding
 *     copies (bounded: docs/operations.md)
 * @param schemaInvalid events that failed their schema check (rejected or flagged)
 * @param schemaFlagged of those, events delivered flagged as invalid (permissive mode)
 * @param busEvents the bus events this broker published (BUS_STARTED, EVENT_DROPPED, ...), by type,
 *     registry events it carried included
 */
public record BrokerSnapshot(
    long sequence,
    long published,
    long delivered,
    long dropped,
    long rejected,
    Map<ErrorCode, Long> rejectedByCode,
    long framesIn,
    long framesOut,
    long bytesIn,
    int sessions,
    int subscriptions,
    long sessionsExpired,
    long policyDenied,
    long queuedEvents,
    long queuedBytes,
    long pinnedBytes,
    long schemaInvalid,
    long schemaFlagged,
    Map<String, Long> busEvents) {

  static final BrokerSnapshot EMPTY =
      new BrokerSnapshot(0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());

  /** Rejections with one code. */
  public long rejected(ErrorCode code) {
    return rejectedByCode.getOrDefault(code, 0L);
  }
}
