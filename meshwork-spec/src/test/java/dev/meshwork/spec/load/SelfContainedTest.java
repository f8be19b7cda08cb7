package dev.meshwork.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.spec.DataProduct;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stored product needs no file: its SQL and README are inlined, their file names kept. */
class SelfContainedTest {

  @TempDir
  Path dir;

  @Test
  void theReadmeFileIsInlinedAndItsNameKept() throws IOException {
    Files.writeString(dir.resolve("daily.sql"), "SELECT 1 AS order_id");
    Files.writeString(dir.resolve("daily.md"), "# Daily orders\n\nOne row per \"order\".\n");
    Files.writeString(dir.resolve("daily.yaml"),
        Specs.PRODUCT.replace("  schedule:", "  readme: daily.md\n  schedule:"));
    LoadedResource loaded = new Loader(dir).load(List.of(dir.resolve("daily.yaml"))).resources().get(0);

    String document = SelfContained.document(loaded);

    assertThat(document).contains("""
          sla:
            freshness:
              daily: "08:00 UTC"
            availability: 99.9%
            qualityScore: 95%
          readme: "# Daily orders\\n\\nOne row per \\"order\\".\\n"
          readmeFile: "daily.md"
          schedule: "0 6 * * *"
        """);
    Files.delete(dir.resolve("daily.md"));
    Files.delete(dir.resolve("daily.sql"));
    Loader elsewhere = new Loader(Path.of("/"));
    LoadedResource stored = elsewhere.loadText(Path.of("/elsewhere/daily.yaml"), document).resources().get(0);
    assertThat(stored.resource()).isEqualTo(loaded.resource());
    DataProduct.Spec spec = ((DataProduct) stored.resource()).spec();
    assertThat(spec.readme()).isEqualTo("# Daily orders\n\nOne row per \"order\".\n");
    assertThat(spec.readmeFile()).isEqualTo("daily.md");
    assertThat(spec.transform().sqlFile()).isEqualTo("daily.sql");
    assertThat(SelfContained.document(stored)).isEqualTo(document);
  }

  @Test
  void anInlineReadmeIsWrittenAsItWas() throws IOException {
    Files.writeString(dir.resolve("daily.sql"), "SELECT 1 AS order_id");
    Files.writeString(dir.resolve("daily.yaml"), Specs.PRODUCT + "  readme: One row per order.\n");
    LoadedResource loaded = new Loader(dir).load(List.of(dir.resolve("daily.yaml"))).resources().get(0);

    String document = SelfContained.document(loaded);

    assertThat(document).endsWith("  readme: One row per order.\n").doesNotContain("readmeFile");
    DataProduct copy = (DataProduct) new Loader(Path.of("/")).loadText(Path.of("/elsewhere/daily.yaml"), document)
        .resources().get(0).resource();
    assertThat(copy.spec().readme()).isEqualTo("One row per order.");
    assertThat(copy.spec().readmeFile()).isNull();
  }
}
