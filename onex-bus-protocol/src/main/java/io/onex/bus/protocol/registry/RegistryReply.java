package io.onex.bus.protocol.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;

/**
 * One decoded reply: {@code OK} with a JSON body, or {@code ERROR} with a code, a message and what
 * was offending. Not thread-safe (the body is a Jackson tree); one thread.
 *
 * @param ok whether the request succeeded
 * @param requestId the request's {@code request_id}
 * @param body the whole JSON object
 */
public record RegistryReply(boolean ok, String requestId, ObjectNode body) {

  /** The error's code; null for OK and for a code this build does not know. */
  public ErrorCode errorCode() {
    return ok ? null : ErrorCode.fromCode(body.path("code").asInt());
  }

  /** The error's message; empty for OK. */
  public String message() {
    return body.path("message").asText("");
  }

  /** What the error was about; empty for OK. */
  public String offending() {
    return body.path("offending").asText("");
  }
}
