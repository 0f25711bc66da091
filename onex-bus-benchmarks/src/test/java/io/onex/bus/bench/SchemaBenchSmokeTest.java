package io.onex.bus.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.onex.bus.protocol.schema.OnexEventContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema scenario end to end with tiny counts: three cells, every event received, none found
 * invalid (so the checked cells really checked valid events). No timing is asserted.
 */
class SchemaBenchSmokeTest {
  @Test
  void everyCellReceivesEverythingAndNothingIsInvalid() throws Exception {
    List<String> progress = new ArrayList<>();

    List<SchemaRow> rows = SchemaBench.run(new SchemaBenchOptions(500, 3, 256), progress::add);

    assertThat(rows)
        .extracting(SchemaRow::cell)
        .containsExactly("schema-off", "permissive", "strict");
    assertThat(rows)
        .allMatch(r -> r.lost() == 0 && r.invalid() == 0 && r.eventsPerS() > 0 && r.size() == 256);
    assertThat(rows.get(0).pairedRatio()).isEqualTo(1.0);
    assertThat(progress).hasSize(3);
  }

  @Test
  void thePayloadIsAValidOnexEventOfExactlyTheSize() throws Exception {
    byte[] p = SchemaBench.payload(256);

    assertThat(p).hasSize(256);
    assertThat(OnexEventContract.check(new ObjectMapper().readTree(p), true)).isEmpty();
  }
}
