package dev.meshwork.core.config;

import dev.meshwork.spec.load.Node;
import dev.meshwork.spec.load.Position;
import dev.meshwork.spec.load.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the {@code auth.oidc} subsection: issuer, JWKS URL and audience are required, the user claim has a default. */
final class OidcReader {

  private static final String SECTION = "auth.oidc";

  private OidcReader() {}

  /** The OpenID Connect settings, or null when the section is absent or has problems (added to {@code problems}). */
  static Config.Oidc read(Map<String, Node> values, Map<String, Position> sections, List<Problem> problems) {
    Position at = sections.get(SECTION);
    if (at == null) {
      return null;
    }
    int before = problems.size();
    String issuer = required(values, "issuer", at, problems);
    String jwksUrl = required(values, "jwks-url", at, problems);
    String audience = required(values, "audience", at, problems);
    if (jwksUrl != null && !isHttpUrl(jwksUrl)) {
      problems.add(Problem.error(values.get(SECTION + ".jwks-url").position(), SECTION + ".jwks-url",
          "expected an http or https URL, not '" + jwksUrl + "'"));
    }
    Config.UserClaim claim = Config.UserClaim.EMAIL;
    Node.Scalar claimValue = ScheduleSettings.scalar(values, SECTION + ".user-claim");
    if (claimValue != null && !claimValue.isNull()) {
      claim = claim(claimValue.value());
      if (claim == null) {
        problems.add(Problem.error(claimValue.position(), SECTION + ".user-claim",
            "expected email, sub or preferred_username, not '" + claimValue.value() + "'"));
      }
    }
    return problems.size() > before ? null : new Config.Oidc(issuer, jwksUrl, audience, claim);
  }

  private static String required(Map<String, Node> values, String key, Position section, List<Problem> problems) {
    Node.Scalar scalar = ScheduleSettings.scalar(values, SECTION + "." + key);
    if (scalar == null || scalar.isNull() || scalar.value().isBlank()) {
      problems.add(Problem.error(scalar == null ? section : scalar.position(), SECTION + "." + key,
          "missing required key '" + key + "'"));
      return null;
    }
    return scalar.value().strip();
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Config.UserClaim claim(String text) {
    for (Config.UserClaim claim : Config.UserClaim.values()) {
      if (claim.claim().equals(text.strip())) {
        return claim;
      }
    }
    return null;
  }
}
