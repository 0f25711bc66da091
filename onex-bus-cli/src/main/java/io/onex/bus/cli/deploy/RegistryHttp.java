package io.onex.bus.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The registry's HTTP API as the CLI reaches it: the base URL from {@code --http}, else {@code
 * ONEX_HTTP}, else the state file {@code onex up} / {@code onex registry start} wrote under the
 * home ({@code run/http.endpoint}). A refusal (status 400 or 404 with {@code {code, message,
 * offending}}) becomes a {@link CliException} naming the code and the offending value. Main thread.
 */
public final class RegistryHttp {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private RegistryHttp(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Finds the API, or fails with a sentence that says how to point at one. */
  public static RegistryHttp locate(String httpFlag, Path homeFlag) {
    if (httpFlag != null) {
      return new RegistryHttp(httpFlag);
    }
    String env = System.getenv("ONEX_HTTP");
    if (env != null && !env.isBlank()) {
      return new RegistryHttp(env.trim());
    }
    Path file = OnexHome.resolve(homeFlag, null).httpEndpointFile();
    try {
      return new RegistryHttp(Files.readString(file, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE,
          "no running registry HTTP API found ("
              + file
              + " is missing): start one with './onex up', or pass --http or set ONEX_HTTP");
    }
  }

  /** Sends {@code method path} with an optional JSON body; returns the JSON answer. */
  public JsonNode call(String method, String path, JsonNode body) {
    HttpRequest.BodyPublisher p =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.toString());
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(method, p)
            .header("Content-Type", "application/json")
            .timeout(TIMEOUT)
            .build();
    HttpResponse<String> r;
    try {
      r = client.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "cannot reach the registry HTTP API at " + baseUrl + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(OnexCommand.EXIT_FAILURE, "interrupted");
    }
    JsonNode answer;
    try {
      answer = JSON.readTree(r.body());
    } catch (IOException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "the registry answered " + r.statusCode() + " with no JSON");
    }
    if (r.statusCode() / 100 != 2) {
      throw new CliException(
          r.statusCode() == 400 ? OnexCommand.EXIT_USAGE : OnexCommand.EXIT_FAILURE,
          "the registry refused: "
              + answer.path("code").asText("HTTP " + r.statusCode())
              + " "
              + answer.path("message").asText()
              + " (offending: "
              + answer.path("offending").asText()
              + ")");
    }
    return answer;
  }
}
