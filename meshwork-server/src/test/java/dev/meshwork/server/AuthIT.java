package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.identity.Identities;
import dev.meshwork.core.identity.IssuedToken;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real tokens over HTTP: missing, unknown, expired and revoked ones get 401; the caller grants waivers. */
class AuthIT {

  /** A clock the test moves forward, so a token can expire. */
  static final class MovingClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @TempDir
  static Path dir;

  static final MovingClock CLOCK = new MovingClock();
  static MeshServer server;
  static Identities identities;
  static Http anonymous;
  static String admin;

  @BeforeAll
  static void start() {
    TestMesh.writeData(dir);
    Platform platform = Platform.open(new Home(dir.resolve("home")), Map.of(), CLOCK);
    identities = platform.identities();
    admin = identities.ensureAdmin().orElseThrow().secret();
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withSpecBase(dir),
        TokenAuthorizer.of(identities));
    anonymous = new Http(server.port());
    identities.createUser("li", "li@example.com", null, false);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void refusesAMissingToken() {
    assertUnauthenticated(anonymous.get("/api/v1/products"), "missing bearer token");
    assertUnauthenticated(anonymous.send("GET", "/api/v1/products", null, null), "missing bearer token");
  }

  @Test
  void refusesAnUnknownToken() {
    assertUnauthenticated(anonymous.as("mw_not-a-real-token").get("/api/v1/products"), "invalid token");
    assertUnauthenticated(anonymous.as("not-even-prefixed").get("/api/v1/products"), "invalid token");
  }

  @Test
  void refusesAnExpiredToken() {
    IssuedToken token = identities.issueToken("li", CLOCK.instant().plus(Duration.ofHours(1)));
    Http li = anonymous.as(token.secret());
    assertThat(li.get("/api/v1/products").status()).isEqualTo(200);
    CLOCK.advance(Duration.ofHours(2));
    assertUnauthenticated(li.get("/api/v1/products"), "token expired");
  }

  @Test
  void refusesARevokedToken() {
    IssuedToken token = identities.issueToken("li", null);
    Http li = anonymous.as(token.secret());
    assertThat(li.get("/api/v1/waivers").status()).isEqualTo(200);
    identities.revoke(token.token().id());
    assertUnauthenticated(li.get("/api/v1/waivers"), "token revoked");
  }

  @Test
  void publicRoutesNeedNoToken() {
    assertThat(anonymous.get("/health").status()).isEqualTo(200);
    assertThat(anonymous.as("mw_not-a-real-token").get("/api/v1/openapi.json").status()).isEqualTo(200);
  }

  @Test
  void theAuthenticatedAdminGrantsWaivers() {
    Http root = anonymous.as(admin);
    Http.Response applied = root.send("POST", "/api/v1/resources", "application/yaml", TestMesh.YAML + """
        ---
        apiVersion: meshwork/v1
        kind: Policy
        metadata: {name: tags-wanted, title: Products are tagged}
        spec:
          description: Tags help consumers find products.
          scope: global
          on: [apply]
          severity: warning
          rule: "has(product.metadata.tags)"
          message: A data product should have tags
        """);
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    Http.Response granted = root.postJson("/api/v1/waivers", """
        {"policy": "tags-wanted", "product": "shop.sales", "justification": "tags come next sprint",
         "expiresAt": "%s", "grantedBy": "someone-else"}""".formatted(CLOCK.instant().plus(Duration.ofDays(30))));
    assertThat(granted.status()).as(granted.text()).isEqualTo(201);
    assertThat(granted.json().get("grantedBy").asText()).isEqualTo(Identities.ADMIN);
  }

  private static void assertUnauthenticated(Http.Response response, String message) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.authenticate()).isEqualTo("Bearer");
    assertThat(response.json().get("error").asText()).isEqualTo("unauthenticated");
    assertThat(response.json().get("message").asText()).isEqualTo(message);
  }
}
