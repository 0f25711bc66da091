package io.onex.bus.protocol.codec;

/**
 * One protocol message: exactly one ZeroMQ message part, {@code [version u8][command u8][body]}.
 * The records in this package are its immutable, decoded form; {@link FrameCodec} converts between
 * them and bytes. Hot paths use {@link PublishView} and {@link DeliverWriter} instead, which never
 * materialise events. Any thread.
 */
public sealed interface Frame
    permits Frame.Hello,
        Frame.Welcome,
        Frame.Publish,
        Frame.Subscribe,
        Frame.Unsubscribe,
        Frame.Credit,
        Frame.Ack,
        Frame.Gap,
        Frame.Backpressure,
        Frame.Deliver,
        Frame.Error,
        Frame.SchemaError,
        Frame.Ping,
        Frame.Pong,
        Frame.Bye {

  /** Which command this frame is. */
  Command command();

  /**
   * Client → broker, first frame of every connection. {@code authProof} is empty in v1; the
   * security layer fills it with a signature over the broker's nonce. {@code properties} leave room
   * for later options; receivers ignore keys they do not know.
   */
  record Hello(
      String nodeId, String clientName, String authProof, java.util.Map<String, String> properties)
      implements Frame {
    public Command command() {
      return Command.HELLO;
    }
  }

  /** Broker → client: the session is open; these are its limits and the broker's clock. */
  record Welcome(
      long sessionId,
      String busName,
      int maxFrameBytes,
      int maxBatchEvents,
      int defaultCredit,
      long brokerTimeMicros,
      long lastSequence,
      java.util.Map<String, String> properties)
      implements Frame {
    public Command command() {
      return Command.WELCOME;
    }
  }

  /** Client → broker: one or more events; {@code ref} is echoed by the ACK and any ERROR. */
  record Publish(int ref, java.util.List<EventRecord> events) implements Frame {
    public Publish {
      events = java.util.List.copyOf(events);
    }

    public Command command() {
      return Command.PUBLISH;
    }
  }

  /**
   * Client → broker: open subscription {@code subscriptionId} (chosen by the client, unique per
   * session) on {@code pattern}. {@code queueSize} 0 and {@code dropPolicy} 0 take the bus
   * defaults; {@code initialCredit} {@link #UNLIMITED_CREDIT} turns credit off. {@code properties}
   * carry later filters (event types, tags, durable name, replay start).
   */
  record Subscribe(
      int ref,
      int subscriptionId,
      String pattern,
      int queueSize,
      int dropPolicy,
      int initialCredit,
      java.util.Map<String, String> properties)
      implements Frame {
    /** Credit value meaning "no credit limit". */
    public static final int UNLIMITED_CREDIT = 0xFFFFFFFF;

    public Command command() {
      return Command.SUBSCRIBE;
    }
  }

  /** Client → broker: close a subscription. */
  record Unsubscribe(int ref, int subscriptionId) implements Frame {
    public Command command() {
      return Command.UNSUBSCRIBE;
    }
  }

  /** Client → broker: grant {@code credit} more deliveries to a subscription. */
  record Credit(int subscriptionId, int credit) implements Frame {
    public Command command() {
      return Command.CREDIT;
    }
  }

  /**
   * Broker → client: the request {@code ref} succeeded. For PUBLISH, {@code count} events were
   * accepted and numbered {@code sequence, sequence+1, ...}; for SUBSCRIBE, {@code sequence} is the
   * last bus sequence before the subscription took effect (it receives every later event).
   */
  record Ack(int ref, int count, long sequence) implements Frame {
    public Command command() {
      return Command.ACK;
    }
  }

  /** Broker → client: a batch of deliveries, in bus order. */
  record Deliver(java.util.List<Delivery> deliveries) implements Frame {
    public Deliver {
      deliveries = java.util.List.copyOf(deliveries);
    }

    public Command command() {
      return Command.DELIVER;
    }
  }

  /**
   * Broker → client: subscription {@code subscriptionId} lost {@code lost} events, the first with
   * bus sequence {@code firstSequence} and the last {@code lastSequence}, dropped by its queue's
   * policy. Sent where the loss happened in the subscription's stream, so no drop is silent.
   */
  record Gap(int subscriptionId, long lost, long firstSequence, long lastSequence)
      implements Frame {
    public Command command() {
      return Command.GAP;
    }
  }

  /**
   * Broker → every client: backpressure {@code on} (or cleared) for the whole bus ({@code scope}
   * empty) or one topic: the broker's queued bytes for that scope passed {@code highWaterBytes} (or
   * fell below its low-water mark). Publishers apply their backpressure policy while it is on.
   */
  record Backpressure(boolean on, String scope, long queuedBytes, long highWaterBytes)
      implements Frame {
    public Command command() {
      return Command.BACKPRESSURE;
    }
  }

  /**
   * Either side: request {@code ref} (0 when none) failed. {@code index} is the event's position in
   * a PUBLISH batch, or {@link #WHOLE_FRAME}. {@code code} is an {@link io.onex.bus.protocol
   * .ErrorCode} value; {@code offending} quotes what was wrong.
   */
  record Error(int ref, int index, int code, String message, String offending) implements Frame {
    /** Index meaning the error is about the whole frame, not one event. */
    public static final int WHOLE_FRAME = 0xFFFF;

    public Command command() {
      return Command.ERROR;
    }
  }

  /**
   * Broker → client: event {@code index} of PUBLISH {@code ref} broke a schema on a strict topic
   * and was rejected. Sent instead of an {@link Error} for that event. {@code code} is
   * INVALID_ENVELOPE (the OnexEvent contract), SCHEMA_VIOLATION (the topic's schema),
   * PAYLOAD_NOT_JSON or PAYLOAD_TOO_LARGE; {@code schemaHash} is the hash of the schema that was
   * expected ({@code schemaTopic} empty and version 0 for the contract); every violation has a JSON
   * Pointer into the checked document and a message.
   */
  record SchemaError(
      int ref,
      int index,
      int code,
      String message,
      String schemaHash,
      String schemaTopic,
      long schemaVersion,
      java.util.List<io.onex.bus.protocol.schema.SchemaViolation> violations,
      String offending)
      implements Frame {
    /** Copies the list. */
    public SchemaError {
      violations = java.util.List.copyOf(violations);
    }

    public Command command() {
      return Command.SCHEMA_ERROR;
    }
  }

  /** Either side: are you there? Answered by PONG with the same nonce. */
  record Ping(long nonce) implements Frame {
    public Command command() {
      return Command.PING;
    }
  }

  /** The answer to PING. */
  record Pong(long nonce) implements Frame {
    public Command command() {
      return Command.PONG;
    }
  }

  /** Either side: the session ends (client leaving, broker stopping). */
  record Bye(int reasonCode, String reason) implements Frame {
    public Command command() {
      return Command.BYE;
    }
  }
}
