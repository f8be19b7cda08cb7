package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.identity.Authentication;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.spec.error.DeniedException;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading the Authorization header and checking a route's permission, without a server. */
class TokenAuthorizerTest {

  static final Principal LI = new Principal("li", null, false, Set.of(), Set.of());
  static final Principal MIA = new Principal("mia", null, false, Set.of(), Set.of("shop"));
  static final Principal ROOT = new Principal("root", null, true, Set.of(), Set.of());

  final TokenAuthorizer authorizer = new TokenAuthorizer(secret -> {
    switch (secret) {
      case "mw_li": return ok(LI);
      case "mw_mia": return ok(MIA);
      case "mw_root": return ok(ROOT);
      case "mw_old": return refused(Authentication.Failure.EXPIRED);
      case "mw_gone": return refused(Authentication.Failure.REVOKED);
      default: return refused(Authentication.Failure.INVALID);
    }
  });

  static Authentication ok(Principal principal) {
    return new Authentication(Optional.of(principal), Optional.empty());
  }

  static Authentication refused(Authentication.Failure failure) {
    return new Authentication(Optional.empty(), Optional.of(failure));
  }

  @Test
  void acceptsABearerTokenInAnyCase() {
    assertThat(authorizer.check("Bearer mw_li", Permission.READ)).isEqualTo(LI);
    assertThat(authorizer.check("  bearer   mw_mia ", Permission.BUILD)).isEqualTo(MIA);
    assertThat(authorizer.check("BEARER mw_root", Permission.GOVERN)).isEqualTo(ROOT);
  }

  @Test
  void refusesMissingAndOtherSchemesAsMissing() {
    assertUnauthenticated(null, "missing bearer token");
    assertUnauthenticated(" ", "missing bearer token");
    assertUnauthenticated("Basic bGk6c2VjcmV0", "missing bearer token");
    assertUnauthenticated("Bearer", "missing bearer token");
  }

  @Test
  void refusesBadTokensWithTheirReason() {
    assertUnauthenticated("Bearer mw_nobody", "invalid token");
    assertUnauthenticated("Bearer mw_old", "token expired");
    assertUnauthenticated("Bearer mw_gone", "token revoked");
  }

  @Test
  void deniesPermissionsTheRoleLacks() {
    assertThatThrownBy(() -> authorizer.check("Bearer mw_li", Permission.APPLY)).isInstanceOf(DeniedException.class)
        .hasMessage("user li may not apply resources: only owners and members of a domain, or a platform admin");
    assertThatThrownBy(() -> authorizer.check("Bearer mw_mia", Permission.GOVERN)).isInstanceOf(DeniedException.class)
        .hasMessage("user mia may not grant or revoke waivers: only a platform admin");
    assertThat(authorizer.check("Bearer mw_li", Permission.QUERY)).isEqualTo(LI);
  }

  private void assertUnauthenticated(String header, String message) {
    assertThatThrownBy(() -> authorizer.check(header, Permission.READ)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.code()).isEqualTo("unauthenticated");
      assertThat(e).hasMessage(message);
    });
  }
}
