package dev.meshwork.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeWriterTest {

  private static final Path EXAMPLES = Path.of("..", "examples");
  private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "valid");

  @Test
  void everyExampleAndValidFixtureReadsBackAsTheSameResource() {
    Loader loader = new Loader(Path.of(""));
    Loader.Result loaded = loader.load(List.of(EXAMPLES, FIXTURES));
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.resources()).hasSizeGreaterThan(20);
    for (LoadedResource original : loaded.resources()) {
      String yaml = NodeWriter.write(original.root(), Map.of());
      Loader.Result again = loader.loadText(Path.of(original.file()).toAbsolutePath(), yaml);
      assertThat(again.problems()).as(original.file() + "\n" + yaml).isEmpty();
      assertThat(again.resources()).extracting(LoadedResource::resource).containsExactly(original.resource());
    }
  }

  @Test
  void replacementsMakeAProductSelfContained() {
    Loader loader = new Loader(Path.of(""));
    LoadedResource daily = loader.load(List.of(EXAMPLES.resolve("orders/daily.yaml"))).resources().get(0);
    String sql = ((DataProduct) daily.resource()).spec().transform().sql();
    String readme = ((DataProduct) daily.resource()).spec().readme();
    String yaml = NodeWriter.write(daily.root(), Map.of("spec.transform.sql", NodeWriter.text(sql),
        "spec.readme", NodeWriter.text(readme)));
    Resource copy = loader.loadText(Path.of("/elsewhere/daily.yaml"), yaml).resources().get(0).resource();
    assertThat(((DataProduct) copy).spec().transform().sql()).isEqualTo(sql);
    assertThat(((DataProduct) copy).spec().transform().sqlFile()).isNull();
    assertThat(((DataProduct) copy).spec().readme()).isEqualTo(readme).startsWith("# Orders — Daily Summary\n");
    assertThat(((DataProduct) copy).spec().schema()).isEqualTo(((DataProduct) daily.resource()).spec().schema());
  }

  @Test
  void quotesWhatPlainTextCannotHold() {
    Node root = YamlReader.read("t.yaml", """
        a: "x: y"
        b: '#no comment'
        c: [1, -2, "3", {d: "two\\nlines"}, []]
        e: {}
        """).documents().get(0).root();
    assertThat(NodeWriter.write(root, Map.of())).isEqualTo("""
        a: "x: y"
        b: "#no comment"
        c:
          - 1
          - -2
          - "3"
          - d: "two\\nlines"
          - []
        e: {}
        """);
  }
}
