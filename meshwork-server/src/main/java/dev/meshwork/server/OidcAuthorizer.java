package dev.meshwork.server;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.meshwork.core.config.Config;
import dev.meshwork.core.identity.Identities;
import dev.meshwork.core.identity.Principal;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;

/**
 * Authenticates OpenID Connect bearer tokens alongside API tokens: a token starting {@code mw_} is
 * an API token, checked by the {@link TokenAuthorizer}; any other is a JWT of the configured
 * issuer, checked by a {@link JwtVerifier}, whose user claim names a platform user (by email for
 * {@code email}, by name for {@code sub} and {@code preferred_username}). A token naming no
 * platform user is refused (401 "unknown user"): users are created by an admin, never by
 * signing in. The route's permission is then checked as for API tokens.
 */
public final class OidcAuthorizer implements Authorizer {

  private final TokenAuthorizer tokens;
  private final JwtVerifier jwts;
  private final Config.UserClaim claim;
  private final Identities identities;

  OidcAuthorizer(TokenAuthorizer tokens, JwtVerifier jwts, Config.UserClaim claim, Identities identities) {
    this.tokens = tokens;
    this.jwts = jwts;
    this.claim = claim;
    this.identities = identities;
  }

  /** API tokens of the platform's users, and JWTs of the configured issuer. */
  public static OidcAuthorizer of(Identities identities, Config.Oidc settings, Clock clock) {
    return new OidcAuthorizer(TokenAuthorizer.of(identities), new JwtVerifier(settings, clock), settings.userClaim(),
        identities);
  }

  @Override
  public Principal check(Context context, Permission permission) {
    if (permission == Permission.PUBLIC) {
      return null;
    }
    String authorization = context.header("Authorization");
    try {
      String token = TokenAuthorizer.bearer(authorization);
      Principal caller = token.startsWith(Identities.PREFIX) || !JwtVerifier.looksLikeJwt(token)
          ? tokens.authenticated(authorization) : principal(jwts.verify(token));
      context.attribute(CALLER, caller);
      return TokenAuthorizer.permitted(caller, permission);
    } catch (ApiException e) {
      if (e.status() == 401) {
        context.header("WWW-Authenticate", "Bearer");
      }
      throw e;
    }
  }

  private Principal principal(JWTClaimsSet claims) {
    Object value = claims.getClaim(claim.claim());
    if (!(value instanceof String name) || name.isBlank()) {
      throw TokenAuthorizer.unauthenticated("token has no " + claim.claim() + " claim");
    }
    boolean byEmail = claim == Config.UserClaim.EMAIL;
    Optional<Principal> principal = identities.principal(name, byEmail);
    return principal.orElseThrow(() -> TokenAuthorizer.unauthenticated("unknown user: no platform user "
        + (byEmail ? "has email " : "is named ") + name));
  }
}
