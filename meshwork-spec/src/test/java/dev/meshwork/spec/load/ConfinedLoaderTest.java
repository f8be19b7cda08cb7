package dev.meshwork.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loader confined to a folder (a server's) reads the files specs name there, and nowhere else. */
class ConfinedLoaderTest {

  @TempDir
  Path dir;

  Path specs;
  Loader loader;

  @BeforeEach
  void folders() throws IOException {
    specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(specs.resolve("daily.sql"), "SELECT 1 AS order_id");
    Files.writeString(dir.resolve("secret.md"), "# not for the catalog");
    Files.writeString(dir.resolve("secret.sql"), "SELECT 'not for the catalog' AS order_id");
    loader = new Loader(specs).confinedTo(List.of(specs), List.of("ORDERS_DB_*", "CRM_PASSWORD"));
  }

  private Loader.Result load(String yaml) {
    return loader.loadText(specs.resolve("request.yaml"), yaml);
  }

  private static String onlyProblem(Loader.Result result) {
    assertThat(result.resources()).isEmpty();
    assertThat(result.problems()).hasSize(1);
    return result.problems().get(0).toString();
  }

  @Test
  void filesInsideTheFolderAreRead() throws IOException {
    Files.createDirectories(specs.resolve("docs"));
    Files.writeString(specs.resolve("docs/daily.md"), "# Daily");

    Loader.Result result = load(Specs.PRODUCT + "  readme: docs/../docs/daily.md\n");

    assertThat(result.problems()).isEmpty();
    DataProduct product = (DataProduct) result.resources().get(0).resource();
    assertThat(product.spec().readme()).isEqualTo("# Daily");
    assertThat(product.spec().transform().sql()).isEqualTo("SELECT 1 AS order_id");
  }

  @Test
  void aReadmeUpTheTreeIsRefusedAtItsField() {
    assertThat(onlyProblem(load(Specs.PRODUCT + "  readme: ../secret.md\n")))
        .matches("request\\.yaml:\\d+:\\d+: spec\\.readme: '\\.\\./secret\\.md' leads outside " + quoted(specs)
            + ", the only folder files named by specs are read from here"
            + quoted(" (the server's meshwork.yaml may add folders under server.files)"));
  }

  @Test
  void anAbsoluteSqlFileIsRefused() {
    String yaml = Specs.PRODUCT.replace("sql: daily.sql", "sql: " + dir.resolve("secret.sql"));
    assertThat(yaml).isNotEqualTo(Specs.PRODUCT);

    assertThat(onlyProblem(load(yaml))).contains("spec.transform.sql: '" + dir.resolve("secret.sql") + "' leads outside");
  }

  @Test
  void aSymbolicLinkOutIsRefused() throws IOException {
    Files.createSymbolicLink(specs.resolve("linked.md"), dir.resolve("secret.md"));

    assertThat(onlyProblem(load(Specs.PRODUCT + "  readme: linked.md\n"))).contains("spec.readme: 'linked.md' leads outside");
  }

  @Test
  void aDataGlobOutsideIsRefusedAndOneInsideKept() {
    String outside = Specs.FILES_SOURCE.replace("path: data/clicks/*.parquet", "path: ../../*/clicks/*.parquet");
    assertThat(onlyProblem(load(outside))).contains("spec.path: '../../*/clicks/*.parquet' leads outside");

    Loader.Result inside = load(Specs.FILES_SOURCE);
    assertThat(inside.problems()).isEmpty();
    assertThat(((Source) inside.resources().get(0).resource()).spec().path())
        .isEqualTo(specs.resolve("data/clicks/*.parquet").toString());
  }

  @Test
  void otherFoldersMayBeAllowed() throws IOException {
    Path landing = Files.createDirectories(dir.resolve("landing"));
    String yaml = Specs.FILES_SOURCE.replace("path: data/clicks/*.parquet", "path: " + landing + "/*.parquet");

    Loader.Result result = new Loader(specs).confinedTo(List.of(specs, landing), List.of()).loadText(specs.resolve("request.yaml"), yaml);

    assertThat(result.problems()).isEmpty();
    assertThat(onlyProblem(new Loader(specs).confinedTo(List.of(specs, landing), List.of()).loadText(specs.resolve("request.yaml"),
        Specs.PRODUCT + "  readme: ../secret.md\n")))
        .endsWith("'../secret.md' leads outside " + specs + ", " + landing + ", the only folders files named by specs are read from here"
            + " (the server's meshwork.yaml may add folders under server.files)");
  }

  @Test
  void secretsAreTheAllowedVariablesAndFilesInsideTheFolder() throws IOException {
    String source = Specs.POSTGRES_SOURCE;
    assertThat(source).contains("${env:ORDERS_DB_PASSWORD}");
    assertThat(load(source).problems()).isEmpty();

    assertThat(onlyProblem(load(source.replace("${env:ORDERS_DB_PASSWORD}", "${env:MESH_STORE_PASSWORD}"))))
        .endsWith("spec.password: '${env:MESH_STORE_PASSWORD}' is not a secret specs sent here may read: the server's"
            + " meshwork.yaml lists those under server.secrets (ORDERS_DB_*, CRM_PASSWORD)");
    assertThat(onlyProblem(load(source.replace("${env:ORDERS_DB_PASSWORD}", "${file:" + dir.resolve("secret.md") + "}"))))
        .contains("spec.password: '" + dir.resolve("secret.md") + "' leads outside " + specs);
    Files.writeString(specs.resolve("db.secret"), "s3cret\n");
    assertThat(load(source.replace("${env:ORDERS_DB_PASSWORD}", "${file:" + specs.resolve("db.secret") + "}")).problems())
        .isEmpty();
  }

  @Test
  void anUnconfinedLoaderReadsWhereTheSpecSays() {
    Loader.Result result = new Loader(specs).loadText(specs.resolve("request.yaml"), Specs.PRODUCT + "  readme: ../secret.md\n");

    assertThat(result.problems()).isEmpty();
    assertThat(((DataProduct) result.resources().get(0).resource()).spec().readme()).isEqualTo("# not for the catalog");
  }

  private static String quoted(Object text) {
    return java.util.regex.Pattern.quote(text.toString());
  }
}
