package dev.meshwork.core.policy;

import dev.meshwork.core.spi.PolicyResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyCheckTest {

  private static final String GOOD = """
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata:
        name: profile
        domain: customers
        owner: crm-team@example.com
        description: One row per customer with their contact details and segment.
      spec:
        version: 1.0.0
        classification: CONFIDENTIAL
        containsPII: true
        retentionDays: 365
        transform: {sql: SELECT 1}
        schema:
          - {name: customer_id, type: uuid, required: true}
          - {name: email, type: string, pii: true, protection: hash}
          - {name: segment, type: string}
        quality:
          - {column: customer_id, rule: notNull}
        sla:
          freshness: {maxAge: 1d}
        access: {approval: owner}
      """;

  private static PolicyCheck.Report check(String yaml) {
    Loader.Result loaded = new Loader(Path.of("")).loadText(Path.of("product.yaml"), yaml);
    assertThat(loaded.problems()).as(yaml).isEmpty();
    return PolicyCheck.run(loaded.resources(), List.of());
  }

  private static List<String> failing(PolicyCheck.Report report) {
    return report.results().stream().filter(r -> r.status() == PolicyResult.Outcome.FAILED).map(PolicyCheck.Result::policy).toList();
  }

  @Test
  void aGoodProductPassesEveryBuiltInPolicy() {
    PolicyCheck.Report report = check(GOOD);
    assertThat(report.policies()).isEqualTo(10);
    assertThat(failing(report)).isEmpty();
    assertThat(report.results()).extracting(PolicyCheck.Result::status)
        .containsOnly(PolicyResult.Outcome.PASSED, PolicyResult.Outcome.SKIPPED);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      mesh-pii-protected                | protection: hash                          | protection: none
      mesh-description-required         | description: One row per customer with their contact details and segment. | description: Customers
      mesh-quality-rules-required       | '    - {column: customer_id, rule: notNull}' | ''
      mesh-sla-required                 | '  sla:\\n    freshness: {maxAge: 1d}'      | ''
      mesh-restricted-not-auto-approved | 'classification: CONFIDENTIAL\\n  containsPII: true\\n  retentionDays: 365\\n  transform: {sql: SELECT 1}' | 'classification: RESTRICTED\\n  containsPII: true\\n  retentionDays: 365\\n  transform: {sql: SELECT 1}'
      mesh-pii-retention                | retentionDays: 365                        | retentionDays: 400
      mesh-naming                       | name: profile                             | name: customer-profile
      mesh-shared-identifiers           | '{name: customer_id, type: uuid, required: true}' | '{name: customer_id, type: string, required: true}'
      """)
  void eachBuiltInPolicyBlocksABadProduct(String policy, String good, String bad) {
    String yaml = GOOD.replace(good.replace("\\n", "\n"), bad.replace("\\n", "\n"));
    if (policy.equals("mesh-restricted-not-auto-approved")) {
      yaml = yaml.replace("access: {approval: owner}", "access: {approval: auto}");
    }
    assertThat(yaml).isNotEqualTo(GOOD);
    assertThat(failing(check(yaml))).containsExactly(policy);
  }

  @Test
  void anOwnerlessProductFailsTheOwnerPolicy() {
    // a spec cannot omit the owner, but a product read from elsewhere (an import) might
    dev.meshwork.spec.Policy owner = BuiltinPolicies.load().stream().map(l -> (dev.meshwork.spec.Policy) l.resource())
        .filter(p -> p.metadata().name().equals("mesh-owner-required")).findFirst().orElseThrow();
    java.util.Map<String, Object> product = java.util.Map.of("metadata", java.util.Map.of("name", "profile", "owner", ""),
        "spec", java.util.Map.of());
    assertThat(PolicyEngine.standard().evaluate(owner, product).status()).isEqualTo(PolicyResult.Outcome.FAILED);
    assertThat(PolicyEngine.standard().evaluate(owner, java.util.Map.of("metadata", java.util.Map.of("name", "p"))).status())
        .isEqualTo(PolicyResult.Outcome.FAILED);
  }

  @Test
  void theExampleMeshPassesItsPoliciesAndTheBuiltInPack() {
    Loader.Result loaded = new Loader(Path.of("..")).load(List.of(Path.of("..", "examples")));
    PolicyCheck.Report report = PolicyCheck.run(loaded.resources(), List.of());
    assertThat(report.problems()).isEmpty();
    assertThat(report.products()).isEqualTo(8);
    assertThat(report.policies()).isEqualTo(18);
    assertThat(report.failed()).isZero();
  }

  @Test
  void aPolicyCanAskForAReadme() {
    String policy = """
        ---
        apiVersion: meshwork/v1
        kind: Policy
        metadata: {name: readme-required}
        spec:
          description: Confidential products explain themselves to the consumers who ask for them.
          scope: global
          on: [apply]
          severity: blocking
          rule: "product.spec.classification != 'CONFIDENTIAL' || has(product.spec.readme)"
          message: A confidential product needs a README
        """;
    PolicyCheck.Report without = check(GOOD + policy);
    assertThat(failing(without)).containsExactly("readme-required");
    PolicyCheck.Report with = check(GOOD + "  readme: \"# Profile\\n\\nOne row per customer.\"\n" + policy);
    assertThat(failing(with)).isEmpty();
  }

  @Test
  void theBuiltInPackIsRealPolicies() {
    assertThat(BuiltinPolicies.load()).extracting(LoadedResource::file).containsOnly(BuiltinPolicies.FILE);
  }
}
