package dev.meshwork.core.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.spec.Resource;
import dev.meshwork.spec.error.DeniedException;
import dev.meshwork.spec.load.Loader;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may apply what: domains and global policies are the admin's, everything else its domain's. */
class PrincipalTest {

  private static final Principal MEMBER = new Principal("li", null, false, Set.of(), Set.of("shop"));
  private static final Principal ADMIN = new Principal("root", null, true, Set.of(), Set.of());

  @Test
  void aMemberAppliesTheirDomainsResourcesAndPoliciesOnly() {
    Resource source = load("""
        apiVersion: meshwork/v1
        kind: Source
        metadata: {name: files, domain: shop}
        spec: {type: files, path: data/*.csv, format: csv}
        """);
    Resource crmSource = load("""
        apiVersion: meshwork/v1
        kind: Source
        metadata: {name: files, domain: crm}
        spec: {type: files, path: data/*.csv, format: csv}
        """);
    Resource shopPolicy = load(policy("domain:shop"));
    Resource globalPolicy = load(policy("global"));
    Resource domain = load("""
        apiVersion: meshwork/v1
        kind: Domain
        metadata: {name: shop}
        spec: {description: The shop, owner: shop@example.com, type: source-aligned}
        """);

    assertThatCode(() -> MEMBER.requireMayApply(source)).doesNotThrowAnyException();
    assertThatCode(() -> MEMBER.requireMayApply(shopPolicy)).doesNotThrowAnyException();
    assertThatThrownBy(() -> MEMBER.requireMayApply(crmSource)).isInstanceOf(DeniedException.class)
        .hasMessage("user li may not apply " + crmSource.label() + ": only owners and members of domain crm, or a platform admin");
    assertThatThrownBy(() -> MEMBER.requireMayApply(globalPolicy)).isInstanceOf(DeniedException.class)
        .hasMessage("user li may not apply " + globalPolicy.label() + ": only a platform admin");
    assertThatThrownBy(() -> MEMBER.requireMayApply(domain)).isInstanceOf(DeniedException.class)
        .hasMessageEndingWith(": only a platform admin");
    for (Resource each : new Resource[] {source, crmSource, shopPolicy, globalPolicy, domain}) {
      assertThatCode(() -> ADMIN.requireMayApply(each)).doesNotThrowAnyException();
    }
  }

  @Test
  void namesTheDomainInResourceChecks() {
    Principal outsider = new Principal("otto", null, false, Set.of(), Set.of());
    assertThatThrownBy(() -> outsider.requireDomain("shop", "build shop.sales")).isInstanceOf(DeniedException.class)
        .hasMessage("user otto may not build shop.sales: only owners and members of domain shop, or a platform admin");
    assertThatCode(() -> MEMBER.requireDomain("shop", "build shop.sales")).doesNotThrowAnyException();
    assertThatCode(() -> ADMIN.requireDomain("crm", "build crm.leads")).doesNotThrowAnyException();
    assertThatThrownBy(() -> MEMBER.requireAdmin("apply Domain shop")).isInstanceOf(DeniedException.class)
        .hasMessage("user li may not apply Domain shop: only a platform admin");
  }

  private static String policy(String scope) {
    return """
        apiVersion: meshwork/v1
        kind: Policy
        metadata: {name: some-rule}
        spec: {scope: "%s", on: [apply], severity: warning, rule: 'true', message: A rule}
        """.formatted(scope);
  }

  private static Resource load(String yaml) {
    return new Loader(Path.of("")).loadText(Path.of("r.yaml"), yaml).resources().get(0).resource();
  }
}
