package io.onex.bus.protocol.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One decoded request: its command, the caller's {@code request_id} (echoed in the reply; empty
 * when not given) and the JSON body with its typed field readers. Not thread-safe (the body is a
 * mutable Jackson tree); one thread.
 */
public record RegistryRequest(RegistryCommand command, String requestId, RequestBody body) {
  /** Checks presence. */
  public RegistryRequest {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(body, "body");
  }

  /** The raw JSON object. */
  public ObjectNode json() {
    return body.json();
  }
}
