package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bad-input suite: each mistake gets its precise message and exit code, and never a stack trace. */
class ValidateCommandTest {

  private static final String DOMAIN = """
      apiVersion: meshwork/v1
      kind: Domain
      metadata:
        name: orders
      spec:
        description: Order lifecycle
        owner: payments-team@example.com
        members: [ana@example.com]
        type: source-aligned
      """;

  @TempDir
  Path dir;

  private Cli validate(String text, String... options) throws IOException {
    Path file = dir.resolve("spec.yaml");
    Files.writeString(file, text);
    String[] args = new String[options.length + 2];
    args[0] = "validate";
    System.arraycopy(options, 0, args, 1, options.length);
    args[args.length - 1] = file.toString();
    return Cli.run(args);
  }

  private void assertProblems(Cli result, String... lines) {
    String file = dir.resolve("spec.yaml").toString();
    assertThat(result.exit()).isEqualTo(ExitCodes.FAILED_CHECK);
    assertThat(result.out().lines().filter(l -> l.startsWith(file + ":")).map(l -> l.substring(file.length())))
        .containsExactly(lines);
    assertThat(result.out() + result.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void validFileExitsZeroWithASummary() throws IOException {
    Cli result = validate(DOMAIN);

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo("valid: 1 resource in 1 file\n");
  }

  @Test
  void emptyFile() throws IOException {
    assertProblems(validate(""), ":1:1: file is empty: expected one or more resources");
  }

  @Test
  void notYaml() throws IOException {
    assertProblems(validate("kind: [Domain\nname: x: y\n"),
        ":2:5: not valid YAML: while parsing a flow sequence: expected ',' or ']', but got :");
  }

  @Test
  void tabIndentation() throws IOException {
    assertProblems(validate(DOMAIN.replace("  name: orders", "\tname: orders")),
        ":4:1: tab character used for indentation; YAML indents with spaces only");
  }

  @Test
  void duplicateKeys() throws IOException {
    assertProblems(validate(DOMAIN.replace("  type: source-aligned", "  type: source-aligned\n  type: aggregate")),
        ":10:3: duplicate key 'type' (first defined at line 9)");
  }

  @Test
  void wrongKindAndMissingApiVersion() throws IOException {
    assertProblems(validate(DOMAIN.replace("apiVersion: meshwork/v1\n", "").replace("kind: Domain", "kind: Domian")),
        ":1:1: apiVersion: missing required field 'apiVersion'",
        ":1:7: kind: unknown kind 'Domian' (expected one of Domain, Source, DataProduct, Policy)"
            + " (did you mean 'Domain'?)");
  }

  @Test
  void stringWhereAListIsExpected() throws IOException {
    assertProblems(validate(DOMAIN.replace("[ana@example.com]", "ana@example.com")),
        ":8:12: spec.members: expected a list, found 'ana@example.com' (write [ana@example.com] for a list of one)");
  }

  @Test
  void unknownField() throws IOException {
    assertProblems(validate(DOMAIN.replace("  type:", "  typ:")),
        ":6:3: spec.type: missing required field 'type'",
        ":9:3: spec.typ: unknown field 'typ' (did you mean 'type'?) (expected one of description, owner, members,"
            + " teams, type)");
  }

  @Test
  void fileOverTenMegabytesIsRefusedUnread() throws IOException {
    Path big = dir.resolve("spec.yaml");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(10L * 1024 * 1024 + 1);
    }
    assertProblems(Cli.run("validate", big.toString()),
        ":1:1: file is 10.0 MB; spec files are limited to 10 MB and this one was not read");
  }

  @Test
  void veryDeepNesting() throws IOException {
    assertProblems(validate(DOMAIN + "extra: " + "[".repeat(5000) + "]".repeat(5000) + "\n"),
        ":10:71: nesting deeper than 64 levels; a resource never needs that many");
  }

  @Test
  void namesWithPathSeparatorsOrSql() throws IOException {
    assertProblems(validate(DOMAIN.replace("name: orders", "name: orders/../../etc")),
        ":4:9: metadata.name: 'orders/../../etc' is not a valid name: use lowercase letters, digits, '-' and '_',"
            + " starting with a letter");
    assertProblems(validate(DOMAIN.replace("name: orders", "name: \"orders'; DROP TABLE products; --\"")),
        ":4:9: metadata.name: 'orders'; DROP TABLE products; --' is not a valid name: use lowercase letters,"
            + " digits, '-' and '_', starting with a letter");
  }

  @Test
  void aCycleAmongProducts() throws IOException {
    String product = """
        ---
        apiVersion: meshwork/v1
        kind: DataProduct
        metadata: {name: %s, domain: orders, owner: team@example.com}
        spec:
          version: 1.0.0
          classification: INTERNAL
          retentionDays: 30
          inputs: [{product: orders.%s}]
          transform: {sql: "SELECT 1 AS id"}
          schema: [{name: id, type: int32}]
        """;
    assertProblems(validate(DOMAIN + product.formatted("a", "b") + product.formatted("b", "a")),
        ":29:22: spec.inputs[0].product: inputs form a cycle: orders.a -> orders.b -> orders.a"
            + " (a product cannot depend on itself, directly or through others)");
  }

  @Test
  void jsonOutputListsProblemsAsObjects() throws IOException {
    Cli result = validate(DOMAIN.replace("type: source-aligned", "type: sideways"),
        "--output", "json");

    assertThat(result.exit()).isEqualTo(ExitCodes.FAILED_CHECK);
    JsonNode json = new ObjectMapper().readTree(result.out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("errors").asInt()).isEqualTo(1);
    JsonNode problem = json.get("problems").get(0);
    assertThat(problem.get("file").asText()).isEqualTo(dir.resolve("spec.yaml").toString());
    assertThat(problem.get("line").asInt()).isEqualTo(9);
    assertThat(problem.get("column").asInt()).isEqualTo(9);
    assertThat(problem.get("path").asText()).isEqualTo("spec.type");
    assertThat(problem.get("message").asText()).isEqualTo(
        "unknown domain type 'sideways' (expected one of source-aligned, aggregate, consumer-aligned)");
  }

  @Test
  void warningsAloneStillPass() throws IOException {
    Cli result = validate("""
        apiVersion: meshwork/v1
        kind: Source
        metadata: {name: clicks, domain: marketing}
        spec: {type: files, path: "data/*.csv", format: csv}
        """);

    assertThat(result.exit()).isZero();
    assertThat(result.out()).endsWith("valid: 1 resource in 1 file, 1 warning\n");
  }

  @Test
  void unreadableInputAndUsageErrorsExitTwo() {
    Cli missing = Cli.run("validate", dir.resolve("nope.yaml").toString());
    assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).isEqualTo("mesh: cannot read " + dir.resolve("nope.yaml")
        + ": no such file or directory\n");

    Cli noPath = Cli.run("validate");
    assertThat(noPath.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(noPath.err()).startsWith("mesh: Missing required parameter: 'PATH'");

    Cli typo = Cli.run("valdate", "x");
    assertThat(typo.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(typo.err()).contains("Did you mean: mesh validate");
  }

  @Test
  void theExampleMeshIsValid() {
    Cli result = Cli.run("validate", "../examples");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).startsWith("valid: ").doesNotContain("warning");
  }
}
