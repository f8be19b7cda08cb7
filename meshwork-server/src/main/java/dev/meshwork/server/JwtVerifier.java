package dev.meshwork.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.meshwork.core.config.Config;
import dev.meshwork.spec.error.InvalidException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * Checks a JWT the way OpenID Connect resource servers do: its signature against the issuer's
 * keys (fetched from the JWKS URL, cached, fetched again for an unknown key id), then its claims:
 * {@code iss} is the issuer, {@code aud} holds the audience, {@code exp} is given and not past and
 * {@code nbf} not ahead, each allowing a minute of clock skew. Refusals are 401
 * {@code unauthenticated} naming the reason; keys that cannot be fetched are 503.
 */
final class JwtVerifier {

  static final Duration SKEW = Duration.ofSeconds(60);
  private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
      JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
      JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

  private final Config.Oidc settings;
  private final Clock clock;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  JwtVerifier(Config.Oidc settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(url(settings.jwksUrl())).build();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    processor.setJWTClaimsSetVerifier((claims, context) -> checkClaims(claims));
  }

  /** Whether a bearer token has the form of a JWT (three dot-separated parts). */
  static boolean looksLikeJwt(String token) {
    return token.chars().filter(c -> c == '.').count() == 2;
  }

  /** The token's claims once its signature and claims are checked. */
  JWTClaimsSet verify(String token) {
    try {
      return processor.process(token, null);
    } catch (ParseException e) {
      throw TokenAuthorizer.unauthenticated("invalid token");
    } catch (Refused e) {
      throw TokenAuthorizer.unauthenticated(e.getMessage());
    } catch (BadJWSException e) {
      throw TokenAuthorizer.unauthenticated("invalid token: its signature does not verify");
    } catch (BadJOSEException e) {
      // not a JWT of this issuer: a payload that is not JSON, no key of the issuer for its key id or algorithm
      throw TokenAuthorizer.unauthenticated("invalid token");
    } catch (KeySourceException e) {
      throw new ApiException(503, "unavailable", "cannot check the token: the issuer's keys cannot be fetched from "
          + settings.jwksUrl(), null);
    } catch (JOSEException e) {
      throw TokenAuthorizer.unauthenticated("invalid token: its signature cannot be checked");
    }
  }

  private void checkClaims(JWTClaimsSet claims) throws Refused {
    if (!settings.issuer().equals(claims.getIssuer())) {
      throw new Refused("token issuer '" + claims.getIssuer() + "' is not the configured issuer");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(settings.audience())) {
      throw new Refused("token audience does not include " + settings.audience());
    }
    Instant now = clock.instant();
    Date expiry = claims.getExpirationTime();
    if (expiry == null) {
      throw new Refused("token has no expiry (exp)");
    }
    if (!now.isBefore(expiry.toInstant().plus(SKEW))) {
      throw new Refused("token expired");
    }
    Date notBefore = claims.getNotBeforeTime();
    if (notBefore != null && now.plus(SKEW).isBefore(notBefore.toInstant())) {
      throw new Refused("token not valid yet");
    }
  }

  private static URL url(String text) {
    try {
      return URI.create(text).toURL();
    } catch (IllegalArgumentException | MalformedURLException e) {
      throw new InvalidException("cannot use auth.oidc.jwks-url '" + text + "': " + e.getMessage());
    }
  }

  /** A claim that refuses the token; its message is the reason given to the caller. */
  private static final class Refused extends BadJWTException {
    Refused(String message) {
      super(message);
    }
  }
}
