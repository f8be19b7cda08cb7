package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class PolicyCheckCommandTest {

  @TempDir
  Path dir;

  private Path product(String retention, String protection) throws Exception {
    Path specs = Files.createDirectories(dir.resolve("specs"));
    Files.writeString(specs.resolve("profile.yaml"), """
        apiVersion: meshwork/v1
        kind: DataProduct
        metadata:
          name: profile
          domain: customers
          owner: crm-team@example.com
          description: One row per customer with their contact details.
        spec:
          version: 1.0.0
          classification: CONFIDENTIAL
          containsPII: true
          retentionDays: %s
          transform: {sql: SELECT 1}
          schema:
            - {name: customer_id, type: uuid}
            - {name: email, type: string, pii: true, protection: %s}
          quality:
            - {column: customer_id, rule: notNull}
          sla:
            freshness: {maxAge: 1d}
        """.formatted(retention, protection));
    return specs;
  }

  @Test
  void theExampleMeshPasses() {
    Cli checked = Cli.run("policy", "check", "../examples");
    assertThat(checked.exit()).as(checked.err()).isZero();
    assertThat(checked.out()).isEqualTo("passed: 8 products, 18 policies, 0 failed, 0 warnings" + System.lineSeparator());
  }

  @Test
  void aBlockingFailureExitsOneAndNamesEveryFailingPolicy() throws Exception {
    Path specs = product("400", "none");
    Cli checked = Cli.run("policy", "check", specs.toString());
    assertThat(checked.exit()).isEqualTo(1);
    assertThat(checked.out()).contains(
        "profile.yaml: customers.profile: policy mesh-pii-protected: PII columns must be encrypted, hashed or masked",
        "profile.yaml: customers.profile: policy mesh-pii-retention: A product containing PII may keep data for at most 365 days",
        "failed: 1 products, 10 policies, 2 failed, 0 warnings");
  }

  @Test
  void policiesFromAnotherFolderCountToo() throws Exception {
    Path specs = product("300", "hash");
    Path policies = Files.createDirectories(dir.resolve("company"));
    Files.writeString(policies.resolve("short-retention.yaml"), """
        apiVersion: meshwork/v1
        kind: Policy
        metadata: {name: short-retention}
        spec:
          scope: domain:customers
          on: [apply]
          severity: warning
          rule: "product.spec.retentionDays <= 180"
          message: Customers data should be kept at most 180 days
        """);
    Cli checked = Cli.run("policy", "check", specs.toString(), "--policies", policies.toString());
    assertThat(checked.exit()).isZero();
    assertThat(checked.out()).contains("customers.profile: warning: policy short-retention: Customers data should be kept at most 180 days",
        "passed: 1 products, 11 policies, 0 failed, 1 warnings");
  }

  @Test
  void aPolicyThatDoesNotCompileIsBadInput() throws Exception {
    Path specs = product("300", "hash");
    Files.writeString(specs.resolve("broken.yaml"), """
        apiVersion: meshwork/v1
        kind: Policy
        metadata: {name: broken}
        spec:
          scope: global
          on: [apply]
          severity: blocking
          rule: "product.spec.retention < 10"
          message: Broken
        """);
    Cli checked = Cli.run("policy", "check", specs.toString());
    assertThat(checked.exit()).isEqualTo(2);
    assertThat(checked.err()).contains("mesh: cannot check policies: 1 problem in the specs or policies",
        "broken.yaml:8:9: spec.rule: undefined field 'retention' (column 13 of \"product.spec.retention < 10\")");
  }

  @Test
  void junitOutputIsJUnitXml() throws Exception {
    Path specs = product("400", "hash");
    Cli checked = Cli.run("policy", "check", specs.toString(), "-o", "junit");
    assertThat(checked.exit()).isEqualTo(1);
    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(checked.out().getBytes(StandardCharsets.UTF_8)));
    Element suites = xml.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    assertThat(suites.getAttribute("tests")).isEqualTo("9");
    assertThat(suites.getAttribute("failures")).isEqualTo("1");
    Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("name")).isEqualTo("customers.profile");
    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("mesh-pii-retention");
    assertThat(failure.getAttribute("message")).isEqualTo("A product containing PII may keep data for at most 365 days");
  }

  @Test
  void jsonOutputListsEveryResult() throws Exception {
    Cli checked = Cli.run("policy", "check", product("300", "hash").toString(), "-o", "json");
    assertThat(checked.exit()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(checked.out());
    assertThat(json.get("passed").asBoolean()).isTrue();
    assertThat(json.get("results")).hasSize(9);
    assertThat(json.get("results").get(0).get("status").asText()).isEqualTo("PASSED");
  }
}
