package io.onex.bus.protocol.event;

/**
 * The event types ONEX nodes emit (ONEX's {@code OnexEventTypeEnum}), with their wire spelling. An
 * event may carry any other string too; this catalogue names the ones ONEX defines so tools can
 * recognise them. docs/protocol.md lists which bus command carries each. Immutable; any thread.
 */
public enum OnexEventType {
  NODE_START,
  NODE_SUCCESS,
  NODE_FAILURE,
  NODE_REGISTER,
  TELEMETRY_OPERATION_START,
  TELEMETRY_OPERATION_SUCCESS,
  TELEMETRY_OPERATION_ERROR,
  STRUCTURED_LOG,
  INTROSPECTION_REQUEST,
  INTROSPECTION_RESPONSE,
  NODE_DISCOVERY_REQUEST,
  NODE_DISCOVERY_RESPONSE,
  NODE_ANNOUNCE,
  NODE_ANNOUNCE_ACCEPTED,
  NODE_ANNOUNCE_REJECTED,
  TOOL_DISCOVERY_REQUEST,
  TOOL_DISCOVERY_RESPONSE,
  TOOL_PROXY_INVOKE,
  TOOL_PROXY_ACCEPTED,
  TOOL_PROXY_REJECTED,
  TOOL_PROXY_RESULT,
  TOOL_PROXY_ERROR,
  TOOL_PROXY_TIMEOUT,
  SCENARIO_STARTED,
  SCENARIO_PASSED,
  SCENARIO_FAILED,
  SCENARIO_SUMMARY
}
