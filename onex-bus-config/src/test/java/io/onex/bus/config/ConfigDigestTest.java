package io.onex.bus.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The digests identify a resolved configuration: stable across loads, sensitive to values. */
class ConfigDigestTest {
  private static final String BASE =
      """
      buses:
        - name: a
          queue: {size: 100}
        - name: b
      """;

  private static OnexConfig parse(String yaml) throws ConfigException {
    return ConfigLoader.parse(yaml, "digest.yaml");
  }

  @Test
  void digestIsStableAcrossLoads() throws Exception {
    assertThat(ConfigLoader.loadDefault().digest())
        .isEqualTo(ConfigLoader.loadDefault().digest())
        .matches("[0-9a-f]{64}");
    assertThat(parse(BASE).digest()).isEqualTo(parse(BASE).digest());
    assertThat(parse(BASE).buses().get(0).digest())
        .isEqualTo(parse(BASE).buses().get(0).digest())
        .matches("[0-9a-f]{64}");
  }

  @Test
  void digestChangesWhenAValueChanges() throws Exception {
    OnexConfig before = parse(BASE);
    OnexConfig after = parse(BASE.replace("size: 100", "size: 101"));

    assertThat(after.digest()).isNotEqualTo(before.digest());
    assertThat(after.buses().get(0).digest()).isNotEqualTo(before.buses().get(0).digest());
    // Only bus a changed.
    assertThat(after.buses().get(1).digest()).isEqualTo(before.buses().get(1).digest());
  }

  @Test
  void everyPartOfTheConfigCountsTowardsTheDigest() throws Exception {
    String base = parse(BASE).digest();

    assertThat(parse("http: {port: 8080}\n" + BASE).digest()).isNotEqualTo(base);
    assertThat(parse("home: /tmp/x\n" + BASE).digest()).isNotEqualTo(base);
    assertThat(parse(BASE + "    metadata: {extra: {k: 1}}\n").digest()).isNotEqualTo(base);
    assertThat(parse(BASE + "    port: 40000-40001\n").digest()).isNotEqualTo(base);
  }

  @Test
  void equivalentSpellingsDigestTheSame() throws Exception {
    String explicit =
        """
        version: 1
        defaults:
          heartbeat: {interval: 2000ms, timeout: 10s}
          queue: {drop: oldest, size: 1000}
        buses:
          - queue: {size: 100}
            name: a
            port: 0
          - name: b
            endpoint: tcp://127.0.0.1:*
        """;

    assertThat(parse(explicit).digest()).isEqualTo(parse(BASE).digest());
    assertThat(parse(explicit).canonicalJson()).isEqualTo(parse(BASE).canonicalJson());
  }

  @Test
  void canonicalJsonUsesTheYamlKeyNames() throws Exception {
    assertThat(parse(BASE).buses().get(0).canonicalJson())
        .contains(
            "\"name\":\"a\"",
            "\"port\":\"0\"",
            "\"queue\":{\"drop\":\"oldest\",\"size\":100}",
            "\"heartbeat\":{\"interval\":\"2s\",\"timeout\":\"10s\"}");
  }
}
