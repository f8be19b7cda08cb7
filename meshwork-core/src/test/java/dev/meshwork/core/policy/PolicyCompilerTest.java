package dev.meshwork.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import dev.meshwork.spec.load.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyCompilerTest {

  private final PolicyCompiler compiler = new PolicyCompiler();

  private List<String> problems(String when, String rule) {
    String yaml = """
        apiVersion: meshwork/v1
        kind: Policy
        metadata: {name: test-policy}
        spec:
          scope: global
          on: [apply]
          severity: blocking
        %s  rule: '%s'
          message: Broken on purpose
        """.formatted(when == null ? "" : "  when: '" + when + "'\n", rule);
    Loader.Result loaded = new Loader(Path.of("")).loadText(Path.of("policy.yaml"), yaml);
    assertThat(loaded.problems()).isEmpty();
    return compiler.check(loaded.resources().get(0)).stream().map(Problem::toString).toList();
  }

  @Test
  void theExamplePoliciesCompile() {
    Loader.Result loaded = new Loader(Path.of("")).load(List.of(Path.of("..", "examples", "policies")));
    assertThat(loaded.resources()).hasSize(8);
    for (LoadedResource policy : loaded.resources()) {
      assertThat(compiler.check(policy)).as(policy.file()).isEmpty();
    }
  }

  @Test
  void aSyntaxErrorIsRefusedWithItsColumn() {
    assertThat(problems(null, "product.spec.retentionDays <=")).singleElement().asString().startsWith(
        "policy.yaml:8:9: spec.rule: mismatched input '<EOF>' expecting");
  }

  @Test
  void anExpressionMustBeBoolean() {
    assertThat(problems(null, "product.spec.retentionDays + 1")).containsExactly(
        "policy.yaml:8:9: spec.rule: expected type 'bool' but found 'int' (column 28 of \"product.spec.retentionDays + 1\")");
  }

  @Test
  void anUnknownVariableIsRefused() {
    assertThat(problems("resource.kind == \"DataProduct\"", "true")).containsExactly(
        "policy.yaml:8:9: spec.when: undeclared reference to 'resource' (in container '') (column 1 of \"resource.kind == \"DataProduct\"\")");
  }

  @Test
  void aFieldAProductDoesNotHaveIsRefused() {
    assertThat(problems(null, "product.spec.schema.all(c, c.protect != \"none\") && product.spec.retentionDay < 400")).containsExactly(
        "policy.yaml:8:9: spec.rule: undefined field 'protect' (column 29 of \"product.spec.schema.all(c, c.protect != \"none\") && product.spec.retentionDay < 400\")",
        "policy.yaml:8:9: spec.rule: undefined field 'retentionDay' (column 64 of \"product.spec.schema.all(c, c.protect != \"none\") && product.spec.retentionDay < 400\")");
  }
}
