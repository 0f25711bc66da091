package io.onex.bus.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.client.RegistryCallException;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.config.PortSpec;
import io.onex.bus.config.RegistryConfig;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.registry.RegistryCommand;
import io.onex.bus.registry.RegistryNode;
import io.onex.bus.registry.testkit.RunningRegistry;
import io.onex.bus.transport.SocketLimits;
import io.onex.bus.transport.Sockets;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Every kind of bad input the registry names, sent to a real registry over ZeroMQ: each gets an
 * ERROR with its code, a message and the offending value, is counted, and the registry goes on
 * serving a well-behaved client in between.
 */
class RegistryServerBadInputTest {
  @TempDir Path dir;
  private RegistryNode node;
  private RegistryClient client;
  private ZContext raw;

  @BeforeEach
  void start() {
    RegistryConfig cfg =
        new RegistryConfig(
            "127.0.0.1",
            0,
            null,
            RegistryConfig.DEFAULT.lease(),
            RegistryConfig.DEFAULT.node(),
            RegistryConfig.DEFAULT.retry(),
            Map.of("telemetry", new PortSpec.Range(42100, 42199)));
    node = RunningRegistry.start(dir, cfg);
    client = RegistryClient.connect(node.endpoint());
    raw = new ZContext(1);
  }

  @AfterEach
  void stop() {
    raw.close();
    client.close();
    node.close();
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) RegistryCodec.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(
            RegistryCommand.HEARTBEAT, "{\"node_id\":\"ghost\"}", ErrorCode.UNKNOWN_NODE, "ghost"),
        Arguments.of(
            RegistryCommand.LEASE_RENEW,
            "{\"lease_id\":\"lease-x\"}",
            ErrorCode.UNKNOWN_LEASE,
            "lease-x"),
        Arguments.of(
            RegistryCommand.LEASE_RELEASE,
            "{\"lease_id\":\"lease-y\"}",
            ErrorCode.UNKNOWN_LEASE,
            "lease-y"),
        Arguments.of(
            RegistryCommand.LEASE_REQUEST,
            "{\"requester_id\":\"a\",\"purpose\":\"telemetry\",\"preferred_port\":43000}",
            ErrorCode.PORT_OUT_OF_RANGE,
            "43000"),
        Arguments.of(
            RegistryCommand.LEASE_REQUEST, "{\"requester_id\":\"a\",\"ttl\":0}",
            ErrorCode.INVALID_TTL, "0"),
        Arguments.of(
            RegistryCommand.LEASE_REQUEST, "{\"requester_id\":\"a\",\"ttl\":1e12}",
            ErrorCode.INVALID_TTL, "1.0E12"),
        Arguments.of(
            RegistryCommand.LEASE_REQUEST, "{\"requester_id\":\"a\",\"ttl\":\"ten\"}",
            ErrorCode.INVALID_TTL, "\"ten\""),
        Arguments.of(
            RegistryCommand.LEASE_REQUEST, "{\"requester_id\":\"a\",\"preferred_port\":70000}",
            ErrorCode.INVALID_REQUEST, "70000"),
        Arguments.of(
            RegistryCommand.LEASE_REQUEST, "{}", ErrorCode.INVALID_REQUEST, "requester_id"),
        Arguments.of(
            RegistryCommand.LEASE_REQUEST, "{\"requester_id\":\"a\",\"protocol\":\"sctp\"}",
            ErrorCode.INVALID_REQUEST, "sctp"),
        Arguments.of(
            RegistryCommand.REGISTER, "{\"node_id\":\"n1\",\"topics\":[\"a\"]}",
            ErrorCode.INVALID_REQUEST, "[\"a\"]"),
        Arguments.of(
            RegistryCommand.REGISTER,
            "{\"node_id\":\"has space\"}",
            ErrorCode.INVALID_REQUEST,
            "has space"),
        Arguments.of(
            RegistryCommand.REGISTER,
            "{\"node_id\":\"n1\",\"affinity\":[\"telemetry.>\",\"a.>.b\"]}",
            ErrorCode.INVALID_REQUEST,
            "a.>.b"),
        Arguments.of(
            RegistryCommand.REGISTER,
            "{\"node_id\":\"n1\",\"affinity\":[\"tele*.x\"]}",
            ErrorCode.INVALID_REQUEST,
            "tele*.x"),
        Arguments.of(
            RegistryCommand.REGISTER,
            "{\"node_id\":\"n1\",\"affinity\":" + patterns(33) + "}",
            ErrorCode.INVALID_REQUEST,
            "33"),
        Arguments.of(
            RegistryCommand.REGISTER,
            "{\"node_id\":\"n1\",\"affinity\":\"telemetry.>\"}",
            ErrorCode.INVALID_REQUEST,
            "\"telemetry.>\""),
        Arguments.of(
            RegistryCommand.REGISTER,
            "{\"node_id\":\"n1\",\"affinity\":[\"a.>\",7]}",
            ErrorCode.INVALID_REQUEST,
            "[\"a.>\",7]"),
        Arguments.of(
            RegistryCommand.QUERY,
            "{\"what\":\"everything\"}",
            ErrorCode.INVALID_REQUEST,
            "everything"),
        Arguments.of(
            RegistryCommand.QUERY,
            "{\"what\":\"bus\",\"name\":\"nope\"}",
            ErrorCode.UNKNOWN_BUS,
            "nope"),
        Arguments.of(
            RegistryCommand.DEREGISTER,
            "{\"node_id\":\"ghost\"}",
            ErrorCode.UNKNOWN_NODE,
            "ghost"));
  }

  /** A JSON list of {@code n} distinct valid patterns. */
  private static String patterns(int n) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append("\"family").append(i).append(".>\"");
    }
    return sb.append(']').toString();
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void eachBadRequestIsNamedCountedAndOthersAreStillServed(
      RegistryCommand command, String body, ErrorCode code, String offending) {
    RegistryCallException e =
        catchThrowableOfType(RegistryCallException.class, () -> client.call(command, json(body)));

    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).isNotBlank();
    assertThat(e.offending()).isEqualTo(offending);
    assertThat(node.server().counters().refused(code)).isEqualTo(1);
    assertStillServing();
  }

  @Test
  void aPreferredPortAlreadyLeasedIsRefused() {
    ObjectNode first = client.requestLease(json("{\"requester_id\":\"a\"}"));
    int port = first.path("port").asInt();

    RegistryCallException e =
        catchThrowableOfType(
            RegistryCallException.class,
            () ->
                client.requestLease(
                    json("{\"requester_id\":\"b\",\"preferred_port\":" + port + "}")));

    assertThat(e.code()).isEqualTo(ErrorCode.PORT_IN_USE);
    assertThat(e.getMessage()).contains("already leased");
    assertStillServing();
  }

  @Test
  void aPreferredPortBoundOutsideTheRegistryIsRefused() throws Exception {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new java.net.InetSocketAddress("127.0.0.1", 0));
      RegistryCallException e =
          catchThrowableOfType(
              RegistryCallException.class,
              () ->
                  client.requestLease(
                      json(
                          "{\"requester_id\":\"b\",\"preferred_port\":" + s.getLocalPort() + "}")));
      assertThat(e.code()).isEqualTo(ErrorCode.PORT_IN_USE);
    }
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(List.of("LEASE_REQUEST"), ErrorCode.MALFORMED_FRAME),
        Arguments.of(List.of("LEASE_REQUEST", "{}", "extra"), ErrorCode.MALFORMED_FRAME),
        Arguments.of(List.of("STEAL_PORTS", "{}"), ErrorCode.UNKNOWN_COMMAND),
        Arguments.of(List.of("QUERY", "{not json"), ErrorCode.INVALID_REQUEST),
        Arguments.of(List.of("QUERY", "[1,2]"), ErrorCode.INVALID_REQUEST),
        Arguments.of(
            List.of("QUERY", "{\"request_id\":7,\"what\":\"nodes\"}"), ErrorCode.INVALID_REQUEST),
        Arguments.of(List.of("QUERY", "x".repeat(70_000)), ErrorCode.FRAME_TOO_LARGE));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedMessagesGetAnErrorReplyOverRawSockets(List<String> frames, ErrorCode code)
      throws Exception {
    // Through the project's socket factory: its handshake deadline works around JeroMQ's
    // occasionally stuck fresh connections (see Sockets).
    try (ZMQ.Socket dealer = Sockets.dealer(raw, SocketLimits.CLIENT_DEFAULT)) {
      dealer.setReceiveTimeOut(5000);
      dealer.connect(node.endpoint());
      for (int i = 0; i < frames.size(); i++) {
        dealer.send(
            frames.get(i).getBytes(StandardCharsets.UTF_8),
            i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
      }
      byte[] status = dealer.recv(0);
      byte[] body = dealer.recv(0);

      assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("ERROR");
      JsonNode reply = RegistryCodec.mapper().readTree(body);
      assertThat(reply.path("code").asInt()).isEqualTo(code.code());
      assertThat(reply.path("error").asText()).isEqualTo(code.name());
      assertThat(reply.path("message").asText()).isNotBlank();
    }
    assertThat(node.server().counters().refused(code)).isEqualTo(1);
    assertStillServing();
  }

  @Test
  void aReqSocketIsServedWithItsEnvelope() throws Exception {
    try (ZMQ.Socket req = raw.createSocket(SocketType.REQ)) {
      req.setHandshakeIvl(1000);
      req.setReceiveTimeOut(5000);
      req.connect(node.endpoint());
      req.sendMore("QUERY");
      req.send("{\"request_id\":\"q1\",\"what\":\"leases\"}");

      assertThat(req.recvStr()).isEqualTo("OK");
      JsonNode reply = RegistryCodec.mapper().readTree(req.recv(0));
      assertThat(reply.path("request_id").asText()).isEqualTo("q1");
      assertThat(reply.path("leases").isArray()).isTrue();
    }
  }

  private void assertStillServing() {
    ObjectNode lease = client.requestLease(json("{\"requester_id\":\"good\"}"));
    assertThat(lease.path("status").asText()).isEqualTo("active");
    client.releaseLease(lease.path("lease_id").asText(), false);
  }
}
