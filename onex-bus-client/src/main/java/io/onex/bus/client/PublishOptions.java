package io.onex.bus.client;

import java.util.Map;

/**
 * Per-publish options: the tags the broker may filter on without reading the payload. Immutable;
 * any thread.
 */
public record PublishOptions(Map<String, String> tags) {
  public static final PublishOptions NONE = new PublishOptions(Map.of());

  public PublishOptions {
    tags = Map.copyOf(tags);
  }
}
