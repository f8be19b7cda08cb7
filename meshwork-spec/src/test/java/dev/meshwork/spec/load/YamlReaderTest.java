package dev.meshwork.spec.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  @Test
  void keepsLineAndColumnOfEveryNode() {
    YamlReader.Result result = YamlReader.read("a.yaml", "kind: Domain\nmetadata:\n  name: orders\n");

    Node.Mapping root = (Node.Mapping) result.documents().get(0).root();
    Node.Mapping metadata = (Node.Mapping) root.entry("metadata").orElseThrow().value();
    Node name = metadata.entry("name").orElseThrow().value();
    assertThat(name.position()).isEqualTo(new Position("a.yaml", 3, 9));
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void readsSeveralDocumentsNumberedFromOne() {
    YamlReader.Result result = YamlReader.read("a.yaml", "a: 1\n---\nb: 2\n---\nc: 3\n");

    assertThat(result.documents()).extracting(YamlReader.Document::index).containsExactly(1, 2, 3);
  }

  @Test
  void readsJson() {
    YamlReader.Result result = YamlReader.readJson("a.json", "{\n\t\"kind\": \"Domain\",\n\t\"tags\": [\"a\", \"b\"]\n}\n");

    assertThat(result.problems()).isEmpty();
    Node.Mapping root = (Node.Mapping) result.documents().get(0).root();
    Node.Scalar kind = (Node.Scalar) root.entry("kind").orElseThrow().value();
    assertThat(kind.value()).isEqualTo("Domain");
    assertThat(kind.plain()).isFalse();
  }

  @Test
  void reportsEveryDuplicateKeyWithTheFirstDefinition() {
    YamlReader.Result result = YamlReader.read("a.yaml", "name: a\nkind: b\nname: c\nkind: d\n");

    assertThat(result.problems()).extracting(Problem::toString).containsExactly(
        "a.yaml:3:1: duplicate key 'name' (first defined at line 1)",
        "a.yaml:4:1: duplicate key 'kind' (first defined at line 2)");
  }

  @Test
  void explainsTabIndentation() {
    YamlReader.Result result = YamlReader.read("a.yaml", "metadata:\n\tname: orders\n");

    assertThat(result.problems()).extracting(Problem::toString).containsExactly(
        "a.yaml:2:1: tab character used for indentation; YAML indents with spaces only");
  }

  @Test
  void refusesVeryDeepNestingWithoutOverflowingTheStack() {
    String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";

    YamlReader.Result result = YamlReader.read("a.yaml", deep);

    assertThat(result.problems()).extracting(Problem::message).containsExactly(
        "nesting deeper than 64 levels; a resource never needs that many");
  }

  @Test
  void resolvesAliasesToTheAnchoredNode() {
    YamlReader.Result result = YamlReader.read("a.yaml", "base: &b {x: 1}\ncopy: *b\n");

    Node.Mapping root = (Node.Mapping) result.documents().get(0).root();
    assertThat(root.entry("copy").orElseThrow().value()).isSameAs(root.entry("base").orElseThrow().value());
  }

  @Test
  void reportsSyntaxErrorsWithTheirPosition() {
    YamlReader.Result result = YamlReader.read("a.yaml", "a: [1, 2\nb: c\n");

    assertThat(result.problems()).hasSize(1);
    Problem problem = result.problems().get(0);
    assertThat(problem.message()).startsWith("not valid YAML: ");
    assertThat(List.of(problem.line(), problem.column())).isEqualTo(List.of(2, 2));
  }
}
