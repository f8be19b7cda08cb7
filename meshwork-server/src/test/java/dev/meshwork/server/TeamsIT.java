package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.identity.Identities;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Domain listing a team makes every user of that team a member of the domain, over HTTP with real tokens. */
class TeamsIT {

  private static final String WITHOUT_TEAMS = "owner: shop-team@example.com, type: source-aligned}";
  private static final String WITH_TEAMS = "owner: shop-team@example.com, teams: [shop-eng], type: source-aligned}";

  @TempDir
  Path dir;

  private MeshServer server;
  private Http admin;
  private Http bo;
  private Http cy;

  @BeforeEach
  void start() {
    TestMesh.writeData(dir);
    Platform platform = Platform.open(new Home(dir.resolve("home")), Map.of(), java.time.Clock.systemUTC());
    Identities identities = platform.identities();
    String root = identities.ensureAdmin().orElseThrow().secret();
    identities.createTeam("shop-eng");
    identities.createTeam("marketing");
    identities.createUser("bo", "bo@example.com", "shop-eng", false);
    identities.createUser("cy", "cy@example.com", "marketing", false);
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withSpecBase(dir), TokenAuthorizer.of(identities));
    Http anonymous = new Http(server.port());
    admin = anonymous.as(root);
    bo = anonymous.as(identities.issueToken("bo", null).secret());
    cy = anonymous.as(identities.issueToken("cy", null).secret());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aUserOfAListedTeamMaintainsTheDomainAndOthersDoNot() {
    assertThat(TestMesh.YAML).contains(WITHOUT_TEAMS);
    apply(admin, TestMesh.YAML.replace(WITHOUT_TEAMS, WITH_TEAMS));

    Http.Response built = bo.postJson("/api/v1/products/shop.sales/builds", "{}");
    assertThat(built.status()).as(built.text()).isEqualTo(200);
    assertThat(built.json().get("status").asText()).isEqualTo("PUBLISHED");
    Http.Response denied = cy.postJson("/api/v1/products/shop.sales/builds", "{}");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.json().get("message").asText())
        .isEqualTo("user cy may not build products: only owners and members of a domain, or a platform admin");

    apply(admin, TestMesh.YAML);
    assertThat(bo.postJson("/api/v1/products/shop.sales/builds", "{}").status())
        .as("the team no longer listed").isEqualTo(403);
  }

  private static void apply(Http caller, String yaml) {
    Http.Response applied = caller.send("POST", "/api/v1/resources", "application/yaml", yaml);
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
  }
}
