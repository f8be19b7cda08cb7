package dev.meshwork.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.spec.DataProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A product's {@code spec.readme}: a Markdown file beside the spec, or the Markdown itself. */
class ReadmeTest {

  private static final String README = """
      # Daily orders

      One row per order. Join to `customers.customer_360` through the order events.
      """;

  @TempDir
  Path dir;

  @BeforeEach
  void sql() throws IOException {
    Files.writeString(dir.resolve("daily.sql"), "SELECT 1 AS order_id");
  }

  private Loader.Result load(String readmeLines) throws IOException {
    Files.writeString(dir.resolve("spec.yaml"), Specs.PRODUCT + readmeLines);
    return new Loader(dir).load(List.of(dir.resolve("spec.yaml")));
  }

  private List<String> problems(String readmeLines) throws IOException {
    return load(readmeLines).problems().stream().map(Problem::toString).toList();
  }

  private static DataProduct.Spec spec(Loader.Result result) {
    assertThat(result.problems()).isEmpty();
    return ((DataProduct) result.resources().get(0).resource()).spec();
  }

  @Test
  void aMarkdownFileIsReadRelativeToTheSpec() throws IOException {
    Files.createDirectories(dir.resolve("docs"));
    Files.writeString(dir.resolve("docs/daily.md"), README);

    DataProduct.Spec spec = spec(load("  readme: docs/daily.md\n"));

    assertThat(spec.readme()).isEqualTo(README);
    assertThat(spec.readmeFile()).isEqualTo("docs/daily.md");
  }

  @Test
  void anythingElseIsTheMarkdownItself() throws IOException {
    DataProduct.Spec spec = spec(load("  readme: |\n    # Daily orders\n\n    See daily.md for more.\n"));

    assertThat(spec.readme()).isEqualTo("# Daily orders\n\nSee daily.md for more.\n");
    assertThat(spec.readmeFile()).isNull();
    assertThat(spec(load("  readme: One row per order.\n")).readme()).isEqualTo("One row per order.");
  }

  @Test
  void aProductWithoutReadmeHasNone() throws IOException {
    DataProduct.Spec spec = spec(load(""));

    assertThat(spec.readme()).isNull();
    assertThat(spec.readmeFile()).isNull();
  }

  @Test
  void aMissingFileIsReportedAtTheFieldWithThePathTried() throws IOException {
    assertThat(problems("  readme: docs/daily.md\n")).containsExactly(
        "spec.yaml:38:11: spec.readme: README file not found: " + dir.resolve("docs/daily.md"));
  }

  @Test
  void aFileOverTheLimitIsNotRead() throws IOException {
    Files.writeString(dir.resolve("daily.md"), "#".repeat(256 * 1024 + 1));
    assertThat(problems("  readme: daily.md\n")).containsExactly("spec.yaml:38:11: spec.readme: README file "
        + dir.resolve("daily.md") + " is 262145 bytes; the limit is 262144 bytes (256 KiB)");

    Files.writeString(dir.resolve("daily.md"), "é".repeat(128 * 1024));
    assertThat(spec(load("  readme: daily.md\n")).readme()).hasSize(128 * 1024);
  }

  @Test
  void inlineMarkdownOverTheLimitIsAnError() throws IOException {
    assertThat(problems("  readme: \"" + "x".repeat(300_000) + "\"\n")).containsExactly(
        "spec.yaml:38:11: spec.readme: the README is 300000 bytes; the limit is 262144 bytes (256 KiB)");
  }

  @Test
  void anEmptyReadmeIsAnError() throws IOException {
    Files.writeString(dir.resolve("daily.md"), "\n  \n");
    assertThat(problems("  readme: daily.md\n")).containsExactly(
        "spec.yaml:38:11: spec.readme: the README file daily.md is empty");
    assertThat(problems("  readme: \" \"\n")).containsExactly("spec.yaml:38:11: spec.readme: the README is empty");
  }

  @Test
  void readmeFileGoesWithInlineMarkdownOnly() throws IOException {
    Files.writeString(dir.resolve("daily.md"), README);
    assertThat(problems("  readme: daily.md\n  readmeFile: other.md\n")).containsExactly(
        "spec.yaml:39:15: spec.readmeFile: readmeFile names where an inline README came from;"
            + " readme already names the file daily.md");
    assertThat(problems("  readmeFile: daily.md\n")).containsExactly(
        "spec.yaml:38:15: spec.readmeFile: readmeFile names the file a README was read from; it needs the readme");

    DataProduct.Spec spec = spec(load("  readme: \"# Stored\"\n  readmeFile: daily.md\n"));
    assertThat(spec.readme()).isEqualTo("# Stored");
    assertThat(spec.readmeFile()).isEqualTo("daily.md");
  }

  @Test
  void aReadmeThatIsNotTextIsReported() throws IOException {
    assertThat(problems("  readme: [daily.md]\n")).containsExactly(
        "spec.yaml:38:11: spec.readme: expected a string, found a list");
  }
}
