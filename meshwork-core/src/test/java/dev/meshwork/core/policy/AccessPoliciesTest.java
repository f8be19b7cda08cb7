package dev.meshwork.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.spec.Classification;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.Policy;
import dev.meshwork.spec.load.Loader;
import dev.meshwork.spec.load.Problem;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Policies listening to access requests: typed against the request, evaluated against one. */
class AccessPoliciesTest {

  private static final String POLICY = """
      apiVersion: meshwork/v1
      kind: Policy
      metadata: {name: pii-needs-a-reason}
      spec:
        scope: global
        on: [%s]
        severity: blocking
        when: 'access.pii'
        rule: '%s'
        message: Asking for PII needs a stated purpose of 20 characters and an end date
      """;

  private static final String PRODUCT = """
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: customers, domain: crm, owner: crm@example.com, description: Every customer we have}
      spec:
        version: 1.0.0
        classification: CONFIDENTIAL
        containsPII: true
        retentionDays: 365
        transform: {sql: SELECT 1 AS id}
        schema: [{name: id, type: int64}]
      """;

  private static final String RULE = "access.purpose.size() >= 20 && access.until != \"\" && product.spec.classification != \"RESTRICTED\"";

  private final PolicyCompiler compiler = new PolicyCompiler();

  @Test
  void anAccessPolicyReadsTheRequestAndNamesOnlyItsFields() {
    assertThat(problems("access", RULE)).isEmpty();
    assertThat(problems("access", "access.reason != \"\"")).singleElement().asString()
        .contains("spec.rule: undefined field 'reason'");
    assertThat(problems("apply", RULE)).hasSize(3).first().asString()
        .contains("test.yaml:8:9: spec.when: undeclared reference to 'access'");
  }

  @Test
  void aRequestForPiiWithoutAPurposeIsBlockedAndOneWithItPasses() {
    Policy policy = (Policy) load(POLICY.formatted("access", RULE)).resources().get(0).resource();
    DataProduct product = (DataProduct) load(PRODUCT).resources().get(0).resource();
    PolicyEngine engine = PolicyEngine.standard();
    AccessView vague = new AccessView("li", "growth", "analysis", true, null, null, null, Classification.CONFIDENTIAL, "");
    AccessView stated = new AccessView("li", "growth", "churn model for the Q3 retention campaign", true,
        LocalDate.of(2027, 3, 31), "growth", null, Classification.CONFIDENTIAL, "");
    AccessView noPii = new AccessView("li", "growth", "analysis", false, null, null, null, Classification.CONFIDENTIAL, "");

    assertThat(engine.evaluate(List.of(policy), Policy.Event.ACCESS, product, Map.of("access", vague.toMap())))
        .extracting(PolicyEngine.Evaluation::status).containsExactly(PolicyResult.Outcome.FAILED);
    assertThat(engine.evaluate(List.of(policy), Policy.Event.ACCESS, product, Map.of("access", stated.toMap())))
        .extracting(PolicyEngine.Evaluation::status).containsExactly(PolicyResult.Outcome.PASSED);
    assertThat(engine.evaluate(List.of(policy), Policy.Event.ACCESS, product, Map.of("access", noPii.toMap())))
        .extracting(PolicyEngine.Evaluation::status).containsExactly(PolicyResult.Outcome.SKIPPED);
    assertThat(engine.evaluate(List.of(policy), Policy.Event.APPLY, product)).isEmpty();
  }

  private List<String> problems(String event, String rule) {
    Loader.Result loaded = load(POLICY.formatted(event, rule));
    return compiler.check(loaded.resources().get(0)).stream().map(Problem::toString).toList();
  }

  private static Loader.Result load(String yaml) {
    Loader.Result loaded = new Loader(Path.of("")).loadText(Path.of("test.yaml"), yaml);
    assertThat(loaded.problems()).isEmpty();
    return loaded;
  }
}
