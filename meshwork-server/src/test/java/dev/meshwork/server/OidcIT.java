package dev.meshwork.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.config.Config;
import dev.meshwork.core.identity.Identities;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenID Connect tokens over HTTP: JWTs signed with an RSA key generated here, whose public key a
 * local JWKS endpoint serves, authenticate platform users by their email; API tokens still work.
 */
class OidcIT {

  private static final String ISSUER = "https://login.example.com/realms/acme";
  private static final String AUDIENCE = "meshwork";

  @TempDir
  static Path dir;

  static RSAKey key;
  static HttpServer jwks;
  static final AtomicInteger FETCHES = new AtomicInteger();
  static Config.Oidc settings;
  static MeshServer server;
  static Http anonymous;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("signing-1").generate();
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwks.createContext("/realms/acme/certs", exchange -> {
      FETCHES.incrementAndGet();
      byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    jwks.start();
    settings = new Config.Oidc(ISSUER, "http://127.0.0.1:" + jwks.getAddress().getPort() + "/realms/acme/certs",
        AUDIENCE, Config.UserClaim.EMAIL);
    Platform platform = Platform.open(new Home(dir.resolve("home")), Map.of(), Clock.systemUTC());
    Identities identities = platform.identities();
    admin = identities.ensureAdmin().orElseThrow().secret();
    identities.createUser("ana", "ana@example.com", null, false);
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0),
        OidcAuthorizer.of(identities, settings, Clock.systemUTC()));
    anonymous = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.stop();
    jwks.stop(0);
  }

  @Test
  void aValidTokenAuthenticatesTheUserItsEmailNames() throws JOSEException {
    Http ana = anonymous.as(token(claims -> claims.claim("email", "Ana@Example.com")));

    assertThat(ana.get("/api/v1/products").status()).isEqualTo(200);
    assertThat(ana.get("/api/v1/waivers").status()).isEqualTo(200);
    Http.Response denied = ana.postJson("/api/v1/waivers", "{}");
    assertThat(denied.status()).as("a consumer's rights, as with an API token").isEqualTo(403);
    assertThat(denied.json().get("message").asText()).startsWith("user ana may not ");
    assertThat(FETCHES.get()).as("the keys are fetched once and cached").isEqualTo(1);
  }

  @Test
  void apiTokensKeepWorkingAlongside() {
    assertThat(anonymous.as(admin).get("/api/v1/products").status()).isEqualTo(200);
    assertUnauthenticated(anonymous.as("mw_not-a-real-token").get("/api/v1/products"), "invalid token");
    assertUnauthenticated(anonymous.as("not-a-token").get("/api/v1/products"), "invalid token");
    assertUnauthenticated(anonymous.get("/api/v1/products"), "missing bearer token");
  }

  @Test
  void refusesAnExpiredToken() throws JOSEException {
    Instant past = Instant.now().minus(Duration.ofHours(1));
    String token = token(claims -> claims.issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(600))));
    assertUnauthenticated(anonymous.as(token).get("/api/v1/products"), "token expired");
  }

  @Test
  void refusesATokenForAnotherAudience() throws JOSEException {
    String token = token(claims -> claims.audience("another-app"));
    assertUnauthenticated(anonymous.as(token).get("/api/v1/products"), "token audience does not include meshwork");
  }

  @Test
  void refusesATokenOfAnotherIssuer() throws JOSEException {
    String token = token(claims -> claims.issuer("https://evil.example.com"));
    assertUnauthenticated(anonymous.as(token).get("/api/v1/products"),
        "token issuer 'https://evil.example.com' is not the configured issuer");
  }

  @Test
  void refusesATokenWithABadSignature() throws JOSEException {
    RSAKey impostor = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
    String token = sign(impostor, claims(claims -> { }));
    assertUnauthenticated(anonymous.as(token).get("/api/v1/products"), "invalid token: its signature does not verify");
    String[] parts = token(claims -> { }).split("\\.");
    String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "x" + "." + parts[2];
    assertUnauthenticated(anonymous.as(tampered).get("/api/v1/products"), "invalid token");
  }

  @Test
  void refusesATokenOfAnUnknownUser() throws JOSEException {
    String token = token(claims -> claims.claim("email", "nobody@example.com"));
    assertUnauthenticated(anonymous.as(token).get("/api/v1/products"),
        "unknown user: no platform user has email nobody@example.com");
    String withoutEmail = token(claims -> claims.claim("email", null));
    assertUnauthenticated(anonymous.as(withoutEmail).get("/api/v1/products"), "token has no email claim");
  }

  @Test
  void keysThatCannotBeFetchedAreAServerProblem() throws IOException, JOSEException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed + "/certs";
    JwtVerifier verifier = new JwtVerifier(new Config.Oidc(ISSUER, url, AUDIENCE, Config.UserClaim.EMAIL),
        Clock.systemUTC());
    String token = token(claims -> { });

    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessage("cannot check the token: the issuer's keys cannot be fetched from " + url);
  }

  /** A token of the issuer for ana, valid for ten minutes, changed by {@code change}, signed with the issuer's key. */
  private static String token(Consumer<JWTClaimsSet.Builder> change) throws JOSEException {
    return sign(key, claims(change));
  }

  private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("3f1c9a")
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .claim("email", "ana@example.com");
    change.accept(claims);
    return claims.build();
  }

  private static String sign(RSAKey with, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(with));
    return jwt.serialize();
  }

  private static void assertUnauthenticated(Http.Response response, String message) {
    assertThat(response.status()).as(response.text()).isEqualTo(401);
    assertThat(response.authenticate()).isEqualTo("Bearer");
    assertThat(response.json().get("error").asText()).isEqualTo("unauthenticated");
    assertThat(response.json().get("message").asText()).isEqualTo(message);
  }
}
