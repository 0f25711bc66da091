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
 * A running deployment as the CLI sees it: its HTTP API, found from {@code --http}, else {@code
 * ONEX_HTTP}, else the state file {@code onex up} wrote under the home. Commands ask it for bus
 * endpoints and listings; they never reach into a broker's internals. Main thread.
 */
public final class Deployment {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private Deployment(URI base) {
    this.base = base;
  }

  /** Finds the deployment, or fails with a sentence that says how to point at one. */
  public static Deployment locate(String httpFlag, Path homeFlag) {
    String url = httpFlag;
    if (url == null) {
      url = System.getenv("ONEX_HTTP");
    }
    if (url == null) {
      Path file = OnexHome.resolve(homeFlag, null).httpEndpointFile();
      try {
        url = Files.readString(file, StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        throw new CliException(
            OnexCommand.EXIT_FAILURE,
            "no running bus found ("
                + file
                + " is missing): start one with './onex up', or pass --endpoint or --http");
      }
    }
    return new Deployment(URI.create(url.endsWith("/") ? url : url + "/"));
  }

  /** The endpoint of bus {@code name}. */
  public String busEndpoint(String name) {
    JsonNode bus = get("api/v1/buses/" + name);
    return bus.path("endpoint").asText();
  }

  /** GET a JSON document from the deployment's API. */
  public JsonNode get(String path) {
    HttpRequest req =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
    try {
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() == 404) {
        throw new CliException(
            OnexCommand.EXIT_FAILURE,
            "not found: " + JSON.readTree(res.body()).path("message").asText(path));
      }
      if (res.statusCode() != 200) {
        throw new CliException(
            OnexCommand.EXIT_FAILURE, base.resolve(path) + " answered HTTP " + res.statusCode());
      }
      return JSON.readTree(res.body());
    } catch (IOException e) {
      throw new CliException(
          OnexCommand.EXIT_FAILURE, "cannot reach the bus at " + base + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(OnexCommand.EXIT_FAILURE, "interrupted");
    }
  }
}
