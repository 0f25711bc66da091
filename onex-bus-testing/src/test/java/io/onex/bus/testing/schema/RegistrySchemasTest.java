package io.onex.bus.testing.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.bus.broker.registration.RegisteredBus;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.PublishResult;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.client.SchemaRegistration;
import io.onex.bus.client.SchemaValidation;
import io.onex.bus.config.RegistryConfig;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.schema.AppliesTo;
import io.onex.bus.registry.RegistryNode;
import io.onex.bus.testing.TestBuses;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas registered in a real registry reach a running broker through its heartbeat replies:
 * registration, a new version and deletion each take effect without a restart; and a client can
 * check against the same schemas before sending.
 */
class RegistrySchemasTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void registeredUpdatedAndDeletedSchemasApplyWithoutARestart() throws Exception {
    try (RegistryNode registry =
            RegistryNode.start(RegistryConfig.DEFAULT, dir.resolve("r.db"), Clock.systemUTC());
        RegistryClient rc = RegistryClient.connect(registry.endpoint())) {
      RegisteredBus bus = TestBuses.registered("shop", "schema: {mode: strict}", rc);
      try (BusClient pub = BusClient.connect(rc, "shop", BusClientOptions.builder().nodeId("p"))) {
        assertThat(send(pub, "{\"qty\":\"two\"}").isAccepted()).isTrue();

        SchemaRegistration v1 =
            rc.registerSchema(
                "shop",
                "orders.>",
                JSON.readTree("{\"properties\":{\"qty\":{\"type\":\"integer\"}}}"),
                AppliesTo.METADATA);
        Awaitility.await().atMost(WAIT).until(() -> bus.broker().schemaRevision() == v1.revision());
        PublishResult refused = send(pub, "{\"qty\":\"two\"}");
        assertThat(refused.code()).isEqualTo(ErrorCode.SCHEMA_VIOLATION);
        assertThat(refused.schemaFailure().schemaHash()).isEqualTo(v1.schema().hash());

        SchemaRegistration v2 =
            rc.registerSchema(
                "shop",
                "orders.>",
                JSON.readTree("{\"properties\":{\"qty\":{\"type\":\"string\"}}}"),
                AppliesTo.METADATA);
        assertThat(v2.schema().version()).isEqualTo(2);
        Awaitility.await().atMost(WAIT).until(() -> bus.broker().schemaRevision() == v2.revision());
        assertThat(send(pub, "{\"qty\":\"two\"}").isAccepted()).isTrue();
        assertThat(send(pub, "{\"qty\":2}").schemaFailure().schemaVersion()).isEqualTo(2);

        try (SchemaValidation early =
                SchemaValidation.fromRegistry(rc, "shop", Duration.ofSeconds(30), true);
            BusClient checked =
                BusClient.connect(
                    rc, "shop", BusClientOptions.builder().nodeId("c").schemaValidation(early))) {
          PublishResult local = send(checked, "{\"qty\":2}");
          assertThat(local.code()).isEqualTo(ErrorCode.SCHEMA_VIOLATION);
          assertThat(local.schemaFailure().schemaHash()).isEqualTo(v2.schema().hash());
        }

        rc.deleteSchema("shop", "orders.>");
        long afterDelete = rc.busSchemas("shop").revision();
        Awaitility.await().atMost(WAIT).until(() -> bus.broker().schemaRevision() == afterDelete);
        assertThat(send(pub, "{\"qty\":2}").isAccepted()).isTrue();
      } finally {
        bus.close();
      }
    }
  }

  @Test
  void theTopicsViewShowsEachTopicsSchemaModeOnItsBus() throws Exception {
    try (RegistryNode registry =
            RegistryNode.start(RegistryConfig.DEFAULT, dir.resolve("r.db"), Clock.systemUTC());
        RegistryClient rc = RegistryClient.connect(registry.endpoint())) {
      RegisteredBus bus =
          TestBuses.registered(
              "shop",
              "schema: {mode: permissive, topics: [{pattern: \"orders.>\", mode: strict}]}",
              rc);
      try (BusClient node = BusClient.connect(rc, "shop", BusClientOptions.builder().nodeId("n"))) {
        node.subscribe("orders.>", e -> {}).ready().get();
        node.subscribe("audit.x", e -> {}).ready().get();
        Awaitility.await()
            .atMost(WAIT)
            .untilAsserted(
                () -> {
                  var topics = registry.views().topics();
                  assertThat(schemaOf(topics, "orders.>")).isEqualTo("strict");
                  assertThat(schemaOf(topics, "audit.x")).isEqualTo("permissive");
                });
      } finally {
        bus.close();
      }
    }
  }

  private static String schemaOf(com.fasterxml.jackson.databind.JsonNode topics, String topic) {
    for (var t : topics) {
      if (t.path("topic").asText().equals(topic)) {
        return t.path("schema").path("shop").asText();
      }
    }
    return null;
  }

  private static PublishResult send(BusClient c, String metadata) throws Exception {
    return SchemaEnforcementTest.send(c, "orders.eu", "NODE_START", metadata).get();
  }
}
