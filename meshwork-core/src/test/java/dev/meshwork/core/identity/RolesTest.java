package dev.meshwork.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.spi.User;
import dev.meshwork.spec.Domain;
import dev.meshwork.spec.Metadata;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesTest {

  private static final Instant T0 = Instant.parse("2026-11-20T06:00:00Z");
  private static final List<Domain> DOMAINS = List.of(
      domain("orders", "ana@example.com", "li@example.com", "bo@example.com"),
      domain("payments", "li@example.com"),
      domain("crm", "Ana@Example.com"));

  @Test
  void anOwnerAndAMemberAreFoundByEmailIgnoringCase() {
    Roles ana = Roles.of(user("ana", "ana@example.com", false), DOMAINS);
    Roles li = Roles.of(user("li", "li@example.com", false), DOMAINS);

    assertThat(ana).isEqualTo(new Roles(false, Set.of("crm", "orders"), Set.of()));
    assertThat(ana.owns()).containsExactly("crm", "orders");
    assertThat(li.owns()).containsExactly("payments");
    assertThat(li.memberOf()).containsExactly("orders");
    assertThat(li.maintains("orders")).isTrue();
    assertThat(li.maintains("crm")).isFalse();
  }

  @Test
  void aConsumerHasNoDomainAndAnAdminMaintainsEveryDomain() {
    Roles consumer = Roles.of(user("cy", "cy@example.com", false), DOMAINS);
    Roles admin = Roles.of(user("root", "root@example.com", true), DOMAINS);

    assertThat(consumer).isEqualTo(new Roles(false, Set.of(), Set.of()));
    assertThat(consumer.maintains("orders")).isFalse();
    assertThat(admin.admin()).isTrue();
    assertThat(admin.owns()).isEmpty();
    assertThat(admin.maintains("payments")).isTrue();
  }

  @Test
  void everyUserOfATeamTheDomainListsIsAMember() {
    List<Domain> domains = List.of(
        domain("orders", List.of("orders-eng"), "ana@example.com"),
        domain("payments", List.of("orders-eng", "finance"), "pay@example.com"),
        domain("crm", List.of(), "crm@example.com"));
    User bo = new User("bo", "bo@example.com", "orders-eng", false, T0);
    User cy = new User("cy", "cy@example.com", "marketing", false, T0);
    User ana = new User("ana", "ana@example.com", "orders-eng", false, T0);

    assertThat(Roles.of(bo, domains)).isEqualTo(new Roles(false, Set.of(), Set.of("orders", "payments")));
    assertThat(Roles.of(bo, domains).maintains("crm")).isFalse();
    assertThat(Roles.of(cy, domains)).isEqualTo(new Roles(false, Set.of(), Set.of()));
    assertThat(Roles.of(user("dee", "dee@example.com", false), domains)).as("a user in no team")
        .isEqualTo(new Roles(false, Set.of(), Set.of()));
    assertThat(Roles.of(ana, domains)).as("the owner, in a listed team too")
        .isEqualTo(new Roles(false, Set.of("orders"), Set.of("orders", "payments")));
  }

  @Test
  void withoutDomainsOnlyTheAdminFlagCounts() {
    assertThat(Roles.of(user("ana", "ana@example.com", true), null))
        .isEqualTo(new Roles(true, Set.of(), Set.of()));
  }

  private static User user(String name, String email, boolean admin) {
    return new User(name, email, null, admin, T0);
  }

  private static Domain domain(String name, List<String> teams, String owner) {
    return new Domain(new Metadata(name, null, null, null, null, List.of()),
        new Domain.Spec("the " + name + " domain", owner, List.of(), Domain.Type.SOURCE_ALIGNED, teams));
  }

  private static Domain domain(String name, String owner, String... members) {
    return new Domain(new Metadata(name, null, null, null, null, List.of()),
        new Domain.Spec("the " + name + " domain", owner, List.of(members), Domain.Type.SOURCE_ALIGNED));
  }
}
