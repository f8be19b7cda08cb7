package dev.meshwork.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.registry.Registry;
import dev.meshwork.spec.load.Loader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTest {

  private final Search search = new Search();

  @Test
  void ranksNameAndTitleAboveDescriptionAndColumnsAndNamesTheFieldsMatched() {
    List<Registry.Applied> products = List.of(
        product("shop", "revenue", "Shop revenue", "Money taken per day", "amount"),
        product("shop", "orders", "Orders", "Every order, with its revenue", "total"),
        product("crm", "leads", "Leads", "People who may buy", "revenue_estimate"));
    assertThat(search.rank(products, "revenue", 10)).extracting(h -> h.product() + " " + h.score() + " " + h.matched())
        .containsExactly("shop.revenue 5.0 [name, title]", "crm.leads 1.0 [column revenue_estimate]",
            "shop.orders 1.0 [description]");
  }

  @Test
  void aWordMatchesTheWordsItStartsAndEveryWordMustMatch() {
    List<Registry.Applied> products = List.of(
        product("shop", "revenue", "Shop revenue", "Money taken per day", "amount"),
        product("shop", "orders", "Orders", "Every order, with its revenue", "total"));
    assertThat(search.rank(products, "REV", 10)).extracting(h -> h.product() + " " + h.score())
        .containsExactly("shop.revenue 3.0", "shop.orders 0.6");
    assertThat(search.rank(products, "shop money", 10)).extracting(SearchHit::product).containsExactly("shop.revenue");
    assertThat(search.rank(products, "shop nothing", 10)).isEmpty();
    assertThat(search.rank(products, " -- ", 10)).isEmpty();
    assertThat(search.rank(products, "shop", 1)).extracting(SearchHit::product).containsExactly("shop.orders");
  }

  @Test
  void indexesANewListOfProducts() {
    List<Registry.Applied> before = List.of(product("shop", "orders", "Orders", "Every order", "total"));
    assertThat(search.rank(before, "refunds", 10)).isEmpty();
    List<Registry.Applied> after = List.of(product("shop", "orders", "Orders and refunds", "Every order", "total"));
    assertThat(search.rank(after, "refunds", 10)).extracting(SearchHit::product).containsExactly("shop.orders");
  }

  @Test
  void aWordWithATypoStillFindsTheProductBelowAnExactMatch() {
    List<Registry.Applied> products = List.of(
        product("shop", "revenue", "Shop revenue", "Money taken per day", "amount"),
        product("crm", "leads", "Leads", "People who may buy", "revenue_estimate"));
    assertThat(search.rank(products, "revnue", 10)).extracting(h -> h.product() + " " + h.score() + " " + h.matched())
        .containsExactly("shop.revenue 2.0 [name, title]", "crm.leads 0.4 [column revenue_estimate]");
    assertThat(search.rank(products, "peeple", 10)).extracting(SearchHit::product).containsExactly("crm.leads");
    assertThat(search.rank(products, "xevenue", 10)).isEmpty();
    assertThat(search.rank(products, "revenue", 10)).extracting(h -> h.domain() + " " + h.classification())
        .containsExactly("shop INTERNAL", "crm INTERNAL");
  }

  @Test
  void wordsOnlyInTheReadmeFindTheProductBelowEveryOtherField() {
    List<Registry.Applied> products = List.of(
        product("shop", "orders", "Orders", "Every order", "total",
            "# Orders\\n\\nJoin to payments for the settlement status; refunds are rows of their own."),
        product("shop", "settlements", "Payments", "Settlement runs of the payment provider", "amount", null));
    assertThat(search.rank(products, "refunds", 10)).extracting(h -> h.product() + " " + h.score() + " " + h.matched())
        .containsExactly("shop.orders 0.5 [readme]");
    assertThat(search.rank(products, "settlement", 10)).extracting(h -> h.product() + " " + h.score())
        .containsExactly("shop.settlements 3.0", "shop.orders 0.5");
    assertThat(search.rank(products, "refnds", 10)).extracting(h -> h.product() + " " + h.score())
        .containsExactly("shop.orders 0.2");
  }

  private static Registry.Applied product(String domain, String name, String title, String description, String column) {
    return product(domain, name, title, description, column, null);
  }

  private static Registry.Applied product(String domain, String name, String title, String description, String column,
                                          String readme) {
    String yaml = """
        apiVersion: meshwork/v1
        kind: DataProduct
        metadata: {name: %s, domain: %s, title: %s, owner: team@example.com, description: "%s"}
        spec:
          version: 1.0.0
          classification: INTERNAL
          retentionDays: 30
          inputs: [{name: raw, source: files, tables: [t]}]
          transform: {sql: SELECT 1 AS %s}
          schema:
            - {name: %s, type: int64}
        """.formatted(name, domain, title, description, column, column)
        + (readme == null ? "" : "  readme: \"" + readme + "\"\n");
    Loader.Result loaded = new Loader(Path.of("")).loadText(Path.of("p.yaml"), yaml);
    assertThat(loaded.problems()).isEmpty();
    return new Registry.Applied(loaded.resources().get(0).resource(), null);
  }
}
