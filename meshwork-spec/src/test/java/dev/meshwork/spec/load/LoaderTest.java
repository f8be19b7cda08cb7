package dev.meshwork.spec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Domain;
import dev.meshwork.spec.Source;
import dev.meshwork.spec.error.NotFoundException;
import dev.meshwork.spec.quality.Threshold;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTest {

  @TempDir
  Path dir;

  private Loader.Result load(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text);
    return new Loader(dir).load(List.of(dir.resolve(name)));
  }

  private List<String> problems(String text) throws IOException {
    return load("spec.yaml", text).problems().stream().map(Problem::toString).toList();
  }

  @Test
  void loadsTheDesignExampleProduct() throws IOException {
    Files.writeString(dir.resolve("daily.sql"), "SELECT 1 AS order_id");
    Loader.Result result = load("daily.yaml", Specs.PRODUCT);

    assertThat(result.problems()).isEmpty();
    DataProduct product = (DataProduct) result.resources().get(0).resource();
    assertThat(product.ref().toString()).isEqualTo("orders.daily");
    assertThat(product.spec().transform().sql()).isEqualTo("SELECT 1 AS order_id");
    assertThat(product.spec().transform().sqlFile()).isEqualTo("daily.sql");
    assertThat(product.spec().schema()).extracting(c -> c.type().toString())
        .containsExactly("uuid", "string", "int64", "int32", "date", "string");
    assertThat(product.spec().quality().get(1).threshold()).hasToString("threshold: 99.9%");
    assertThat(product.spec().quality().get(2).threshold())
        .isEqualTo(new Threshold.Compare(Threshold.Operator.MUST_BE_GREATER_THAN, java.math.BigDecimal.ZERO));
    assertThat(product.spec().sla().freshness()).hasToString("daily by 08:00 UTC");
  }

  @Test
  void loadsEveryDocumentOfAFileAndResolvesFilePathsAgainstIt() throws IOException {
    Loader.Result result = load("orders.yaml", Specs.DOMAIN + "---\n" + Specs.FILES_SOURCE);

    assertThat(result.problems()).isEmpty();
    assertThat(result.resources()).extracting(r -> r.resource().kind().toString()).containsExactly("Domain", "Source");
    Source source = (Source) result.resources().get(1).resource();
    assertThat(source.spec().path()).isEqualTo(dir.resolve("data/clicks/*.parquet").toString());
  }

  @Test
  void emptyFile() throws IOException {
    assertThat(problems("")).containsExactly("spec.yaml:1:1: file is empty: expected one or more resources");
  }

  @Test
  void notYaml() throws IOException {
    assertThat(problems("kind: Domain\n  name: [unclosed\n")).singleElement().asString()
        .startsWith("spec.yaml:2:7: not valid YAML: ");
  }

  @Test
  void documentThatIsNotAMapping() throws IOException {
    assertThat(problems("- just\n- a list\n")).containsExactly(
        "spec.yaml:1:1: expected a mapping of fields, found a list");
  }

  @Test
  void wrongAndMissingKindOrApiVersion() throws IOException {
    assertThat(problems("apiVersion: meshwork/v2\nkind: DataProdcut\nmetadata: {name: x}\nspec: {}\n")).containsExactly(
        "spec.yaml:1:13: apiVersion: unsupported apiVersion 'meshwork/v2' (expected meshwork/v1)",
        "spec.yaml:2:7: kind: unknown kind 'DataProdcut' (expected one of Domain, Source, DataProduct, Policy)"
            + " (did you mean 'DataProduct'?)");
    assertThat(problems("metadata: {name: x}\nspec: {}\n")).containsExactly(
        "spec.yaml:1:1: apiVersion: missing required field 'apiVersion'",
        "spec.yaml:1:1: kind: missing required field 'kind'");
  }

  @Test
  void stringWhereAListIsExpected() throws IOException {
    String text = Specs.DOMAIN.replace("members: [ana@example.com]", "members: ana@example.com");
    assertThat(problems(text)).containsExactly("spec.yaml:8:12: spec.members: expected a list, found "
        + "'ana@example.com' (write [ana@example.com] for a list of one)");
  }

  @Test
  void aDomainNamesTeamsWhoseUsersAreItsMembers() throws IOException {
    Loader.Result result = load("orders.yaml", Specs.DOMAIN.replace("  type:", "  teams: [orders-eng, data_ops]\n  type:"));

    assertThat(result.problems()).isEmpty();
    Domain domain = (Domain) result.resources().get(0).resource();
    assertThat(domain.spec().teams()).containsExactly("orders-eng", "data_ops");
    assertThat(((Domain) load("orders.yaml", Specs.DOMAIN).resources().get(0).resource()).spec().teams()).isEmpty();
  }

  @Test
  void aTeamIsANameNotAnEmail() throws IOException {
    String text = Specs.DOMAIN.replace("  type:", "  teams: [orders-eng, Orders@example.com]\n  type:");
    assertThat(problems(text)).containsExactly("spec.yaml:9:23: spec.teams[1]: 'Orders@example.com' is not a valid"
        + " team name: use lowercase letters, digits, '-' and '_', starting with a letter");
  }

  @Test
  void unknownFieldWithDidYouMean() throws IOException {
    String text = Specs.DOMAIN.replace("  owner:", "  onwer:");
    assertThat(problems(text)).containsExactly(
        "spec.yaml:7:3: spec.onwer: unknown field 'onwer' (did you mean 'owner'?)"
            + " (expected one of description, owner, members, teams, type)",
        "spec.yaml:6:3: spec.owner: missing required field 'owner'");
  }

  @Test
  void fileOverTenMegabytesIsNotRead() throws IOException {
    Path big = dir.resolve("big.yaml");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(11L * 1024 * 1024);
    }
    Loader.Result result = new Loader(dir).load(List.of(big));

    assertThat(result.problems()).extracting(Problem::toString).containsExactly(
        "big.yaml:1:1: file is 11.0 MB; spec files are limited to 10 MB and this one was not read");
  }

  @Test
  void namesWithPathsOrSqlAreRefused() throws IOException {
    assertThat(problems(Specs.DOMAIN.replace("name: orders", "name: ../etc"))).containsExactly(
        "spec.yaml:4:9: metadata.name: '../etc' is not a valid name: use lowercase letters, digits, '-' and '_',"
            + " starting with a letter");
    assertThat(problems(Specs.DOMAIN.replace("name: orders", "name: \"x; DROP TABLE products\""))).containsExactly(
        "spec.yaml:4:9: metadata.name: 'x; DROP TABLE products' is not a valid name: use lowercase letters,"
            + " digits, '-' and '_', starting with a letter");
  }

  @Test
  void literalPasswordIsAnError() throws IOException {
    String text = Specs.POSTGRES_SOURCE.replace("${env:ORDERS_DB_PASSWORD}", "hunter2");
    assertThat(problems(text)).containsExactly("spec.yaml:10:13: spec.password: a literal password is not allowed:"
        + " write a reference like ${env:ORDERS_DB_PASSWORD} or ${file:/run/secrets/db}");
  }

  @Test
  void reportsEveryProblemOfTheRunNotJustTheFirst() throws IOException {
    Files.writeString(dir.resolve("daily.sql"), "SELECT 1");
    String text = Specs.PRODUCT
        .replace("type: int64", "type: strng")
        .replace("classification: INTERNAL", "classification: INTERNL")
        .replace("rule: positive", "rule: postive")
        .replace("retentionDays: 730", "retentionDays: 0");

    assertThat(problems(text)).containsExactly(
        "spec.yaml:12:19: spec.classification: unknown classification 'INTERNL' (expected one of PUBLIC,"
            + " INTERNAL, CONFIDENTIAL, RESTRICTED) (did you mean 'INTERNAL'?)",
        "spec.yaml:14:18: spec.retentionDays: retentionDays must be greater than 0, not 0",
        "spec.yaml:21:33: spec.schema[2].type: unknown type 'strng' (expected one of string, boolean, int32,"
            + " int64, float32, float64, decimal(p,s), date, time, timestamp, timestamptz, uuid, bytes, json,"
            + " list<T>) (did you mean 'string'?)",
        "spec.yaml:27:35: spec.quality[1].rule: unknown rule 'postive' (expected one of notNull, unique,"
            + " accepted, range, pattern, positive, nonNegative, length, rowCount, freshness, relationship, sql)"
            + " (did you mean 'positive'?)");
  }

  @Test
  void fieldsOfAnotherVariantSayWhereTheyBelong() throws IOException {
    assertThat(problems(Specs.FILES_SOURCE.replace("format: parquet", "format: parquet\n  url: jdbc:x"))).containsExactly(
        "spec.yaml:8:3: spec.url: field 'url' does not apply to a files source (its fields are type, path, format, csv)");

    Files.writeString(dir.resolve("daily.sql"), "SELECT 1");
    String text = Specs.PRODUCT.replace("rule: positive, threshold: 99.9%", "rule: positive, pattern: x, colour: red");
    assertThat(problems(text)).containsExactly(
        "spec.yaml:27:45: spec.quality[1].pattern: field 'pattern' does not apply to a positive rule"
            + " (its fields are column)",
        "spec.yaml:27:57: spec.quality[1].colour: unknown field 'colour' (expected one of"
            + " rule, name, description, severity, column, mustBe, mustNotBe, mustBeGreaterThan,"
            + " mustBeGreaterOrEqualTo, mustBeLessThan, mustBeLessOrEqualTo, mustBeBetween, mustNotBeBetween,"
            + " threshold)");
  }

  @Test
  void aMissingTransformFileIsReportedAtTheField() throws IOException {
    assertThat(problems(Specs.PRODUCT)).containsExactly(
        "spec.yaml:16:10: spec.transform.sql: SQL file not found: " + dir.resolve("daily.sql"));
  }

  @Test
  void aMissingPathIsNotFound() {
    assertThatThrownBy(() -> new Loader(dir).load(List.of(dir.resolve("nope"))))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot read " + dir.resolve("nope") + ": no such file or directory");
  }

  @Test
  void readsDirectoriesRecursivelySkippingHiddenFolders() throws IOException {
    Files.createDirectories(dir.resolve("a/b"));
    Files.createDirectories(dir.resolve(".git"));
    Files.writeString(dir.resolve("a/b/domain.yml"), Specs.DOMAIN);
    Files.writeString(dir.resolve("a/source.json"), Specs.FILES_SOURCE_JSON);
    Files.writeString(dir.resolve("a/notes.txt"), "not a spec");
    Files.writeString(dir.resolve(".git/config.yaml"), "nonsense: [");

    Loader.Result result = new Loader(dir).load(List.of(dir));

    assertThat(result.problems()).isEmpty();
    assertThat(result.files()).isEqualTo(2);
    assertThat(result.resources()).extracting(LoadedResource::file).containsExactly("a/b/domain.yml", "a/source.json");
  }
}
