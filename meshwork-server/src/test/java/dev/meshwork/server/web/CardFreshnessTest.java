package dev.meshwork.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.load.Loader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A card's freshness: against the SLA from the last publish, or from when the product was applied. */
class CardFreshnessTest {

  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  @TempDir
  Path dir;

  @Test
  void aProductIsFreshUntilItsSlaRunsOutAndWithoutAnSlaHasNone() {
    DataProduct maxAge = product("sla: {freshness: {maxAge: 1d}}");
    DataProduct daily = product("sla: {freshness: {daily: \"08:00 UTC\"}}");
    DataProduct none = product("");

    assertThat(Catalog.freshness(maxAge, NOW.minus(Duration.ofHours(23)), NOW.minus(Duration.ofDays(9)), NOW))
        .isEqualTo("fresh");
    assertThat(Catalog.freshness(maxAge, NOW.minus(Duration.ofHours(25)), NOW.minus(Duration.ofDays(9)), NOW))
        .isEqualTo("late");
    assertThat(Catalog.freshness(maxAge, null, NOW.minus(Duration.ofHours(2)), NOW)).isEqualTo("fresh");
    assertThat(Catalog.freshness(maxAge, null, NOW.minus(Duration.ofDays(2)), NOW)).isEqualTo("late");
    assertThat(Catalog.freshness(daily, Instant.parse("2026-11-21T07:00:00Z"), NOW.minus(Duration.ofDays(9)), NOW))
        .isEqualTo("fresh");
    assertThat(Catalog.freshness(daily, Instant.parse("2026-11-20T07:00:00Z"), NOW.minus(Duration.ofDays(9)), NOW))
        .isEqualTo("late");
    assertThat(Catalog.freshness(none, null, NOW.minus(Duration.ofDays(400)), NOW)).isEqualTo("none");
  }

  private DataProduct product(String sla) {
    String yaml = """
        apiVersion: meshwork/v1
        kind: DataProduct
        metadata: {name: sales, domain: shop, owner: shop-team@example.com}
        spec:
          version: 1.0.0
          classification: INTERNAL
          retentionDays: 30
          inputs: [{name: raw, product: shop.orders}]
          transform: {sql: "SELECT amount FROM raw"}
          schema:
            - {name: amount, type: int64}
          %s
        """.formatted(sla);
    Loader.Result loaded = new Loader(dir).loadText(dir.resolve("sales.yaml"), yaml);
    assertThat(loaded.problems()).filteredOn(p -> p.isError()).isEmpty();
    return (DataProduct) loaded.resources().get(0).resource();
  }
}
