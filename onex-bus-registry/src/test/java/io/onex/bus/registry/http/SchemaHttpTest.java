package io.onex.bus.registry.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.config.HttpConfig;
import io.onex.bus.observability.metrics.ProcessMetrics;
import io.onex.bus.protocol.registry.RegistryCodec;
import io.onex.bus.protocol.schema.SchemaHash;
import io.onex.bus.registry.RegistryNode;
import io.onex.bus.registry.testkit.RunningRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema endpoints of the registry's HTTP API against a real registry and Javalin server:
 * register (201, then 200 unchanged), show, list, history, delete, the errors as 400/404 JSON, and
 * topic patterns with {@code *} and {@code >} in the path.
 */
class SchemaHttpTest {
  private static final String DOC =
      "{\"type\":\"object\",\"properties\":{\"c\":{\"type\":\"number\"}},\"required\":[\"c\"]}";

  @TempDir Path dir;
  private RegistryNode node;
  private RegistryHttpApi http;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    node = RunningRegistry.start(dir);
    http =
        RegistryHttpApi.start(
            new HttpConfig("127.0.0.1", 0),
            node.views(),
            node.schemas(),
            new ProcessMetrics(),
            node.registry());
  }

  @AfterEach
  void stop() {
    http.close();
    node.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.url() + path));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String text) throws Exception {
    return RegistryCodec.mapper().readTree(text);
  }

  @Test
  void aPatternWithGreaterThanIsRegisteredShownListedAndDeleted() throws Exception {
    // '>' must be URL-encoded (%3E); '*' may stay as it is.
    HttpResponse<String> created = send("PUT", "/api/v1/schemas/telemetry/sensors.%3E", DOC);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode c = json(created.body());
    assertThat(c.path("created").asBoolean()).isTrue();
    assertThat(c.path("schema").path("topic").asText()).isEqualTo("sensors.>");
    assertThat(c.path("schema").path("version").asInt()).isEqualTo(1);
    assertThat(c.path("schema").path("hash").asText()).isEqualTo(SchemaHash.of(json(DOC)));
    assertThat(c.path("schema").path("registered_by").asText()).isEqualTo("http");
    assertThat(c.path("schema").path("applies_to").asText()).isEqualTo("metadata");

    HttpResponse<String> unchanged = send("PUT", "/api/v1/schemas/telemetry/sensors.%3E", DOC);
    assertThat(unchanged.statusCode()).isEqualTo(200);
    assertThat(json(unchanged.body()).path("created").asBoolean()).isFalse();

    HttpResponse<String> event =
        send(
            "PUT",
            "/api/v1/schemas/telemetry/cpu.*?applies_to=event",
            "{\"type\":\"object\",\"required\":[\"event_type\"]}");
    assertThat(event.statusCode()).isEqualTo(201);
    assertThat(json(event.body()).path("schema").path("applies_to").asText()).isEqualTo("event");

    HttpResponse<String> shown = send("GET", "/api/v1/schemas/telemetry/sensors.%3E", null);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(json(shown.body()).path("schema")).isEqualTo(json(DOC));
    assertThat(json(shown.body()).path("version").asInt()).isEqualTo(1);
    assertThat(send("GET", "/api/v1/schemas/telemetry/sensors.%3E?version=1", null).statusCode())
        .isEqualTo(200);

    JsonNode list = json(send("GET", "/api/v1/schemas?bus=telemetry", null).body());
    assertThat(list.path("schemas"))
        .extracting(s -> s.path("topic").asText())
        .containsExactly("cpu.*", "sensors.>");
    assertThat(list.path("schemas")).allSatisfy(s -> assertThat(s.has("schema")).isFalse());
    assertThat(list.path("revisions")).isEqualTo(json("{\"telemetry\":2}"));
    JsonNode withDocs = json(send("GET", "/api/v1/schemas?documents=true", null).body());
    assertThat(withDocs.path("schemas").get(1).path("schema")).isEqualTo(json(DOC));

    HttpResponse<String> deleted = send("DELETE", "/api/v1/schemas/telemetry/sensors.%3E", null);
    assertThat(deleted.statusCode()).isEqualTo(200);
    assertThat(json(deleted.body()))
        .isEqualTo(json("{\"deleted\":1,\"version\":1,\"revision\":3}"));
    assertThat(node.schemas().revision("telemetry")).isEqualTo(3);

    HttpResponse<String> history =
        send("GET", "/api/v1/schemas/telemetry/sensors.%3E/history", null);
    assertThat(json(history.body()).path("schemas").get(0).has("deleted_at")).isTrue();
    assertThat(node.schemas().current(Optional.of("telemetry"))).hasSize(1);
  }

  @Test
  void errorsAre400Or404WithCodeMessageAndOffending() throws Exception {
    HttpResponse<String> invalid = send("PUT", "/api/v1/schemas/user/orders.*", "{\"type\": 12}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    JsonNode e = json(invalid.body());
    assertThat(e.path("code").asText()).isEqualTo("INVALID_SCHEMA");
    assertThat(e.path("message").asText()).startsWith("not a valid JSON Schema");
    assertThat(e.path("offending").asText()).isEqualTo("/type");

    JsonNode notJson = json(send("PUT", "/api/v1/schemas/user/orders.*", "{nope").body());
    assertThat(notJson.path("code").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(notJson.path("message").asText()).startsWith("the body is not valid JSON");

    HttpResponse<String> badBus = send("PUT", "/api/v1/schemas/User/orders.*", DOC);
    assertThat(badBus.statusCode()).isEqualTo(400);
    assertThat(json(badBus.body()).path("offending").asText()).isEqualTo("User");

    HttpResponse<String> badPattern = send("GET", "/api/v1/schemas/user/a.%3E.b", null);
    assertThat(badPattern.statusCode()).isEqualTo(400);
    assertThat(json(badPattern.body()).path("code").asText()).isEqualTo("INVALID_REQUEST");
    assertThat(json(badPattern.body()).path("offending").asText()).isEqualTo("a.>.b");

    HttpResponse<String> badAppliesTo =
        send("PUT", "/api/v1/schemas/user/orders.*?applies_to=body", DOC);
    assertThat(badAppliesTo.statusCode()).isEqualTo(400);
    assertThat(json(badAppliesTo.body()).path("offending").asText()).isEqualTo("body");

    HttpResponse<String> badVersion = send("GET", "/api/v1/schemas/user/orders.*?version=x", null);
    assertThat(badVersion.statusCode()).isEqualTo(400);

    HttpResponse<String> missing = send("GET", "/api/v1/schemas/user/orders.*", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing.body()).path("code").asText()).isEqualTo("UNKNOWN_SCHEMA");
    assertThat(send("DELETE", "/api/v1/schemas/user/orders.*", null).statusCode()).isEqualTo(404);

    assertThat(http.schemaRefusals()).isEqualTo(8);
    assertThat(node.schemas().revisions()).isEmpty();
  }
}
