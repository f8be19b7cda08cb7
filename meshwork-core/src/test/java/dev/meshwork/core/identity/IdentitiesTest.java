package dev.meshwork.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshwork.core.audit.AuditLog;
import dev.meshwork.core.identity.Authentication.Failure;
import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.ApiToken;
import dev.meshwork.core.spi.User;
import dev.meshwork.spec.Domain;
import dev.meshwork.spec.Metadata;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentitiesTest {

  private static final Instant T0 = Instant.parse("2026-11-20T06:00:00Z");

  private final MemoryIdentityStore memory = new MemoryIdentityStore();
  private final MovableClock clock = new MovableClock();
  private final List<Domain> domains = List.of(new Domain(new Metadata("orders", null, null, null, null, null),
      new Domain.Spec(null, "ana@example.com", List.of(), Domain.Type.SOURCE_ALIGNED)));
  private final Identities identities = new Identities(memory.store(), clock, () -> domains,
      new AuditLog(memory.store(), clock));

  @Test
  void aUserIsCreatedWithItsTeam() {
    identities.createTeam("orders");
    User ana = identities.createUser("ana", "ana@example.com", "orders", false);

    assertThat(ana).isEqualTo(new User("ana", "ana@example.com", "orders", false, T0));
    assertThat(identities.users()).containsExactly(ana);
    assertThat(identities.teams()).extracting(t -> t.name()).containsExactly("orders");
  }

  @Test
  void aBadNameOrEmailOrAnUnknownTeamIsRefused() {
    assertThatThrownBy(() -> identities.createUser("Ana", "ana@example.com", null, false))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot create user Ana: 'Ana' is not a valid user name: use lowercase letters, digits, '-' and "
            + "'_', starting with a letter");
    assertThatThrownBy(() -> identities.createUser("ana", "ana.example.com", null, false))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot create user ana: email 'ana.example.com' is not an email address "
            + "(expected like team@example.com)");
    assertThatThrownBy(() -> identities.createUser("ana", "ana@example.com", "ghosts", false))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot create user ana: team ghosts does not exist");
    assertThatThrownBy(() -> identities.createTeam("Orders Team"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot create team Orders Team: 'Orders Team' is not a valid team name: use lowercase letters, "
            + "digits, '-' and '_', starting with a letter");
    assertThat(memory.users).isEmpty();
    assertThat(memory.teams).isEmpty();
  }

  @Test
  void aTokenIsStoredOnlyAsTheHashOfItsSecret() {
    identities.createUser("ana", "ana@example.com", null, false);

    IssuedToken issued = identities.issueToken("ana", null);

    assertThat(issued.secret()).matches("mw_[A-Za-z0-9_-]{43}");
    assertThat(issued.toString()).doesNotContain(issued.secret());
    ApiToken stored = memory.tokens.get(issued.token().id());
    assertThat(stored).isEqualTo(issued.token());
    assertThat(stored.hash()).isEqualTo(Identities.sha256(issued.secret())).isNotEqualTo(issued.secret())
        .hasSize(64);
    assertThat(stored.toString()).doesNotContain(issued.secret());
    assertThat(identities.issueToken("ana", null).secret()).isNotEqualTo(issued.secret());
  }

  @Test
  void aGoodTokenGivesThePrincipalWithItsDomainsAndRecordsItsUse() {
    identities.createUser("ana", "ana@example.com", null, false);
    IssuedToken issued = identities.issueToken("ana", T0.plus(Duration.ofDays(1)));
    clock.advance(Duration.ofMinutes(5));

    Authentication result = identities.authenticate(issued.secret());

    assertThat(result.principal()).contains(new Principal("ana", null, false, Set.of("orders"), Set.of()));
    assertThat(result.failure()).isEmpty();
    assertThat(memory.tokens.get(issued.token().id()).lastUsedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
  }

  @Test
  void anUnknownExpiredOrRevokedTokenIsRefusedWithItsReason() {
    identities.createUser("ana", "ana@example.com", null, false);
    IssuedToken expiring = identities.issueToken("ana", T0.plus(Duration.ofHours(1)));
    IssuedToken revoked = identities.issueToken("ana", null);
    identities.revoke(revoked.token().id());
    clock.advance(Duration.ofHours(1));

    assertThat(identities.authenticate("mw_nothing").failure()).contains(Failure.INVALID);
    assertThat(identities.authenticate(null).failure()).contains(Failure.INVALID);
    assertThat(identities.authenticate(expiring.secret()).failure()).contains(Failure.EXPIRED);
    assertThat(identities.authenticate(revoked.secret()).failure()).contains(Failure.REVOKED);
    assertThat(Failure.EXPIRED.message()).isEqualTo("token expired");
    assertThat(memory.tokens.values()).allSatisfy(t -> assertThat(t.lastUsedAt()).isNull());
  }

  @Test
  void everyTokenCheckedIsAuditedAsItsUsersOrAnonymousWithoutTheSecret() {
    identities.createUser("ana", "ana@example.com", null, false);
    IssuedToken good = identities.issueToken("ana", null);
    IssuedToken revoked = identities.issueToken("ana", null);
    identities.revoke(revoked.token().id());
    memory.audit.clear();
    clock.advance(Duration.ofMinutes(1));

    identities.authenticate(good.secret());
    identities.authenticate(revoked.secret());
    identities.authenticate("mw_guessed");

    assertThat(memory.audit).extracting(AuditEntry::at, AuditEntry::actor, AuditEntry::action,
            AuditEntry::resourceKind, AuditEntry::resourceId, AuditEntry::outcome, AuditEntry::details)
        .containsExactly(
            tuple(T0.plusSeconds(60), "ana", "token.use", "ApiToken", good.token().id(), "ok", null),
            tuple(T0.plusSeconds(60), "ana", "token.refused", "ApiToken", revoked.token().id(), "denied", "token revoked"),
            tuple(T0.plusSeconds(60), "anonymous", "token.refused", null, null, "denied", "invalid token"));
    assertThat(memory.audit.toString()).doesNotContain(good.secret(), revoked.secret(), "mw_guessed");
  }

  @Test
  void creatingUsersTeamsAndTokensAndRevokingTokensIsAuditedAsTheOperator() {
    identities.createTeam("orders");
    identities.createUser("ana", "ana@example.com", "orders", true);
    IssuedToken token = identities.issueToken("ana", T0.plus(Duration.ofDays(30)));
    identities.revoke(token.token().id());

    assertThat(memory.audit).extracting(AuditEntry::actor, AuditEntry::action, AuditEntry::resourceId,
            AuditEntry::details)
        .containsExactly(
            tuple("local", "team.create", "orders", null),
            tuple("local", "user.create", "ana", "team orders, platform admin"),
            tuple("local", "token.create", token.token().id(), "for user ana, expires 2026-12-20T06:00:00Z"),
            tuple("local", "token.revoke", token.token().id(), "of user ana"));
  }

  @Test
  void aTokenForAnUnknownUserOrExpiringInThePastIsRefused() {
    identities.createUser("ana", "ana@example.com", null, false);

    assertThatThrownBy(() -> identities.issueToken("bo", null))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot issue a token for user bo: the user does not exist");
    assertThatThrownBy(() -> identities.issueToken("ana", T0))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot issue a token for user ana: its expiry 2026-11-20T06:00:00Z is not in the future");
    assertThat(memory.tokens).isEmpty();
  }

  @Test
  void revokingTwiceKeepsTheFirstRevocation() {
    identities.createUser("ana", "ana@example.com", null, false);
    String id = identities.issueToken("ana", null).token().id();
    ApiToken first = identities.revoke(id);
    clock.advance(Duration.ofMinutes(1));

    assertThat(identities.revoke(id)).isEqualTo(first);
    assertThat(first.revokedAt()).isEqualTo(T0);
    assertThatThrownBy(() -> identities.revoke("nope"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot revoke API token nope: it does not exist");
  }

  @Test
  void theAdminIsCreatedOnlyOnTheFirstStart() {
    Optional<IssuedToken> first = identities.ensureAdmin();

    assertThat(first).isPresent();
    assertThat(identities.users()).containsExactly(new User("admin", "admin@meshwork.local", null, true, T0));
    assertThat(identities.authenticate(first.get().secret()).principal()).map(Principal::admin).contains(true);
    assertThat(identities.ensureAdmin()).isEmpty();
    assertThat(memory.tokens).hasSize(1);
  }

  @Test
  void aDuplicateUserIsRefused() {
    identities.createUser("ana", "ana@example.com", null, false);

    assertThatThrownBy(() -> identities.createUser("ana", "other@example.com", null, true))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessage("cannot save user ana: it exists already");
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {
    private Instant now = T0;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
