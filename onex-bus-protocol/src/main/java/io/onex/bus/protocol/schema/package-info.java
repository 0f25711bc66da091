/**
 * JSON Schema support shared by the registry (which stores schemas), the broker (which enforces
 * them) and the client (which can check before sending): the OnexEvent contract, canonical schema
 * hashes, compilation with networknt's validator, and payload parsing with named limits.
 */
package io.onex.bus.protocol.schema;
