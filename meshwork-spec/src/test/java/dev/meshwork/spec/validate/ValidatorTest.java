package dev.meshwork.spec.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.Source;
import dev.meshwork.spec.load.Loader;
import dev.meshwork.spec.load.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValidatorTest {

  private static final String DOMAINS = """
      apiVersion: meshwork/v1
      kind: Domain
      metadata: {name: orders}
      spec: {description: Orders, owner: orders@example.com, type: source-aligned}
      ---
      apiVersion: meshwork/v1
      kind: Domain
      metadata: {name: customers}
      spec: {description: Customers, owner: customers@example.com, type: source-aligned}
      ---
      apiVersion: meshwork/v1
      kind: Source
      metadata: {name: crm, domain: customers}
      spec: {type: postgres, url: "jdbc:postgresql://localhost/crm"}
      """;

  /** A product whose spec body is {@code body}, indented under spec. */
  private static String product(String domain, String name, String body) {
    return """
        ---
        apiVersion: meshwork/v1
        kind: DataProduct
        metadata: {name: %s, domain: %s, owner: team@example.com}
        spec:
          version: 1.2.0
          classification: INTERNAL
          retentionDays: 30
          transform: {sql: "SELECT 1"}
        %s""".formatted(name, domain, body.indent(2));
  }

  private static final String SCHEMA = """
      schema:
        - {name: id, type: uuid}
        - {name: amount, type: int64}
        - {name: note, type: string}
        - {name: day, type: date}
      """;

  private static List<String> problems(String text) {
    return problems(text, Validator.offline());
  }

  private static List<String> problems(String text, Validator validator) {
    Loader.Result loaded = new Loader(Path.of("/specs")).loadText(Path.of("/specs/mesh.yaml"), text);
    assertThat(loaded.problems()).as("the test's specs load").isEmpty();
    return validator.validate(loaded.resources()).stream().map(Problem::toString).toList();
  }

  @Test
  void aConsistentSetHasNoProblems() {
    assertThat(problems(DOMAINS + product("orders", "daily", SCHEMA + """
        quality:
          - {column: note, rule: pattern, pattern: "^[a-z]+$"}
          - {column: amount, rule: range, min: 0}
          - {column: day, rule: freshness, maxAge: 1d}
          - {columns: [id, day], rule: unique}
        """))).isEmpty();
  }

  @Test
  void duplicateColumns() {
    assertThat(problems(DOMAINS + product("orders", "daily", SCHEMA + "  - {name: amount, type: int32}\n")))
        .containsExactly("mesh.yaml:29:14: spec.schema[4].name: duplicate column 'amount' (also spec.schema[1])");
  }

  @Test
  void rulesOnMissingColumnsOrOnTheWrongType() {
    assertThat(problems(DOMAINS + product("orders", "daily", SCHEMA + """
        quality:
          - {column: amount, rule: pattern, pattern: "^1"}
          - {column: amuont, rule: notNull}
          - {column: note, rule: positive}
          - {column: id, rule: freshness, maxAge: 1h}
          - {columns: [id, nope], rule: unique}
        """))).containsExactly(
        "mesh.yaml:30:16: spec.quality[0].column: a pattern rule needs a string column, but 'amount' is int64",
        "mesh.yaml:31:16: spec.quality[1].column: column 'amuont' is not in the schema (did you mean 'amount'?)"
            + " (columns: id, amount, note, day)",
        "mesh.yaml:32:16: spec.quality[2].column: a positive rule needs a numeric column, but 'note' is string",
        "mesh.yaml:33:16: spec.quality[3].column: a freshness rule needs a date, timestamp or timestamptz column,"
            + " but 'id' is uuid",
        "mesh.yaml:34:22: spec.quality[4].columns[1]: column 'nope' is not in the schema (did you mean 'note'?)"
            + " (columns: id, amount,"
            + " note, day)");
  }

  @Test
  void partitionByMustBeAColumn() {
    String text = DOMAINS + product("orders", "daily", SCHEMA).replace("transform: {sql: \"SELECT 1\"}",
        "transform: {sql: \"SELECT 1\", partitionBy: created_date}");
    assertThat(problems(text)).containsExactly("mesh.yaml:23:45: spec.transform.partitionBy: column 'created_date'"
        + " is not in the schema (columns: id, amount, note, day)");
  }

  @Test
  void piiColumnsNeedAProtectionAndContainsPiiMustAgree() {
    assertThat(problems(DOMAINS + product("orders", "daily", """
        schema:
          - {name: email, type: string, pii: true}
        """))).containsExactly(
        "mesh.yaml:25:7: spec.schema[0]: PII column 'email' needs a protection: encrypt, hash, mask (or none, which"
            + " policies may forbid)",
        "mesh.yaml:20:3: spec.containsPII: containsPII must be true: the schema has PII columns (email)");
  }

  @Test
  void outsideReferencesAreWarningsOffline() {
    assertThat(problems(product("sales", "summary", """
        inputs:
          - {source: sales-db, tables: [orders]}
          - {product: orders.daily, version: "^1"}
        """ + SCHEMA))).containsExactly(
        "mesh.yaml:4:35: warning: metadata.domain: domain 'sales' is not defined in the files validated;"
            + " it must exist on the platform when this is applied",
        "mesh.yaml:11:16: warning: spec.inputs[0].source: source 'sales-db' of domain 'sales' is not defined in"
            + " the files validated; it must exist on the platform when this is applied",
        "mesh.yaml:12:17: warning: spec.inputs[1].product: product 'orders.daily' is not defined in the files"
            + " validated; it must exist on the platform when this is applied");
  }

  @Test
  void againstThePlatformOutsideReferencesMustExist() {
    Catalog platform = new Catalog() {
      public boolean hasDomain(String domain) {
        return domain.equals("sales");
      }

      public Optional<Source> source(String domain, String name) {
        return Optional.empty();
      }

      public Optional<DataProduct> product(ProductRef ref) {
        return Optional.empty();
      }
    };
    assertThat(problems(product("sales", "summary", "inputs: [{source: sales-db, tables: [orders]}]\n" + SCHEMA),
        Validator.against(platform))).containsExactly("mesh.yaml:10:21: spec.inputs[0].source: source 'sales-db'"
        + " of domain 'sales' does not exist on the platform or in the files applied");
  }

  @Test
  void productsReadOnlyTheirOwnDomainsSources() {
    assertThat(problems(DOMAINS + product("orders", "daily", "inputs: [{source: crm, tables: [customers]}]\n" + SCHEMA)))
        .containsExactly("mesh.yaml:24:21: spec.inputs[0].source: source 'crm' belongs to domain 'customers';"
            + " a product reads only its own domain's sources (read customers's data products instead)");
  }

  @Test
  void inputVersionRangesMustMatchTheUpstreamVersion() {
    String text = DOMAINS + product("customers", "profile", SCHEMA)
        + product("orders", "daily", "inputs: [{product: customers.profile, version: \"^2\"}]\n" + SCHEMA);
    assertThat(problems(text)).containsExactly("mesh.yaml:38:50: spec.inputs[0].version: customers.profile is at"
        + " version 1.2.0, which does not satisfy '^2'");
  }

  @Test
  void relationshipsPointAtAnExistingColumn() {
    String text = DOMAINS + product("customers", "profile", SCHEMA) + product("orders", "daily", SCHEMA + """
        quality:
          - {column: id, rule: relationship, references: customers.profile.customer_id}
        """);
    assertThat(problems(text)).containsExactly(
        "mesh.yaml:44:52: spec.quality[0].references: customers.profile has no column 'customer_id'");
  }

  @Test
  void cyclesAmongInputsArePrintedOnce() {
    String text = DOMAINS
        + product("orders", "a", "inputs: [{product: orders.b}]\n" + SCHEMA)
        + product("orders", "b", "inputs: [{product: orders.c}]\n" + SCHEMA)
        + product("orders", "c", "inputs: [{product: orders.a}]\n" + SCHEMA)
        + product("orders", "self", "inputs: [{product: orders.self}]\n" + SCHEMA);
    assertThat(problems(text)).containsExactly(
        "mesh.yaml:54:22: spec.inputs[0].product: inputs form a cycle: orders.a -> orders.b -> orders.c -> orders.a"
            + " (a product cannot depend on itself, directly or through others)",
        "mesh.yaml:69:22: spec.inputs[0].product: inputs form a cycle: orders.self -> orders.self"
            + " (a product cannot depend on itself, directly or through others)");
  }

  @Test
  void aResourceDefinedTwice() {
    String text = DOMAINS + product("orders", "daily", SCHEMA) + product("orders", "daily", SCHEMA);
    assertThat(problems(text)).containsExactly("mesh.yaml:32:18: metadata.name: DataProduct orders.daily is defined"
        + " twice (first at mesh.yaml:18:18)");
  }
}
