package dev.meshwork.server;

import dev.meshwork.core.identity.Authentication;
import dev.meshwork.core.identity.Identities;
import dev.meshwork.core.identity.Principal;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.function.Function;

/**
 * Authenticates {@code Authorization: Bearer mw_...} tokens and checks the route's permission with
 * {@link Access}. PUBLIC routes need no token. Refusals are 401 {@code unauthenticated} with a
 * {@code WWW-Authenticate: Bearer} header; a missing permission is 403 {@code denied}.
 */
public final class TokenAuthorizer implements Authorizer {

  static final String SCHEME = "bearer ";

  private final Function<String, Authentication> authenticate;

  /** {@code authenticate} checks a token's secret, as {@link Identities#authenticate(String)} does. */
  public TokenAuthorizer(Function<String, Authentication> authenticate) {
    this.authenticate = authenticate;
  }

  public static TokenAuthorizer of(Identities identities) {
    return new TokenAuthorizer(identities::authenticate);
  }

  @Override
  public Principal check(Context context, Permission permission) {
    if (permission == Permission.PUBLIC) {
      return null;
    }
    try {
      Principal caller = authenticated(context.header("Authorization"));
      context.attribute(CALLER, caller);
      return permitted(caller, permission);
    } catch (ApiException e) {
      if (e.status() == 401) {
        context.header("WWW-Authenticate", "Bearer");
      }
      throw e;
    }
  }

  /** The caller holding the {@code Authorization} header's value (null when absent), if they have {@code permission}. */
  Principal check(String authorization, Permission permission) {
    return permitted(authenticated(authorization), permission);
  }

  /** The caller holding the {@code Authorization} header's value; 401 when it holds no good token. */
  Principal authenticated(String authorization) {
    Authentication authentication = authenticate.apply(bearer(authorization));
    if (authentication.failure().isPresent()) {
      throw unauthenticated(authentication.failure().get().message());
    }
    return authentication.principal().orElseThrow();
  }

  /** The token of an {@code Authorization: Bearer TOKEN} header's value; 401 when there is none. */
  static String bearer(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw unauthenticated("missing bearer token");
    }
    String value = authorization.strip();
    if (value.length() <= SCHEME.length() || !value.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      throw unauthenticated("missing bearer token");
    }
    return value.substring(SCHEME.length()).strip();
  }

  /** The principal, when {@code permission} is theirs; 403 otherwise. */
  static Principal permitted(Principal principal, Permission permission) {
    if (!Access.allows(principal, permission)) {
      throw Access.denied(principal, permission);
    }
    return principal;
  }

  static ApiException unauthenticated(String message) {
    return new ApiException(401, "unauthenticated", message, null);
  }
}
