package dev.meshwork.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.registry.Registry;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.load.Loader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageTest {

  private final Lineage.Readers readers = new Lineage.Readers();

  @Test
  void findsTheProductsReadingAProductOncePerListOfProducts() {
    List<Registry.Applied> products = List.of(product("daily"), product("weekly", "shop.daily"),
        product("monthly", "shop.daily", "shop.weekly"), product("twice", "shop.daily", "shop.daily"));
    assertThat(readers.of(ProductRef.parse("shop.daily"), products)).extracting(p -> p.ref().toString())
        .containsExactly("shop.weekly", "shop.monthly", "shop.twice");
    assertThat(readers.of(ProductRef.parse("shop.weekly"), products)).extracting(p -> p.ref().toString())
        .containsExactly("shop.monthly");
    assertThat(readers.of(ProductRef.parse("shop.monthly"), products)).isEmpty();

    List<Registry.Applied> changed = List.of(product("daily"), product("weekly"));
    assertThat(readers.of(ProductRef.parse("shop.daily"), changed)).isEmpty();
  }

  private static Registry.Applied product(String name, String... upstream) {
    StringBuilder inputs = new StringBuilder("[{name: raw, source: files, tables: [t]}");
    for (int i = 0; i < upstream.length; i++) {
      inputs.append(", {name: up").append(i).append(", product: ").append(upstream[i]).append('}');
    }
    String yaml = """
        apiVersion: meshwork/v1
        kind: DataProduct
        metadata: {name: %s, domain: shop, title: T, owner: team@example.com, description: D}
        spec:
          version: 1.0.0
          classification: INTERNAL
          retentionDays: 30
          inputs: %s]
          transform: {sql: SELECT 1 AS n}
          schema:
            - {name: n, type: int64}
        """.formatted(name, inputs);
    Loader.Result loaded = new Loader(Path.of("")).loadText(Path.of("p.yaml"), yaml);
    assertThat(loaded.problems()).isEmpty();
    return new Registry.Applied((DataProduct) loaded.resources().get(0).resource(), null);
  }
}
