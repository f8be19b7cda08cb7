package dev.meshwork.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.Home;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.load.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {

  private final Home home = new Home(Path.of("/srv/mesh"));

  @Test
  void noFileMeansEmbeddedDefaults() {
    Config config = ConfigReader.read(new Home(Path.of("/nonexistent/home")));
    assertThat(config.store().url()).isEqualTo("jdbc:h2:file:/nonexistent/home/meta/meshwork;WRITE_DELAY=0");
    assertThat(config.lake().path()).isEqualTo(Path.of("/nonexistent/home/lake"));
    assertThat(config.engine().type()).isEqualTo("duckdb");
  }

  @Test
  void readsEverySection() {
    Config config = ConfigReader.parse(home, "meshwork.yaml", """
        store:
          url: jdbc:postgresql://db:5432/mesh
          user: mesh
          password: ${env:MESH_STORE_PASSWORD}
        lake:
          path: /data/lake
        engine:
          threads: 4
          memory-limit: 8GB
        """);
    assertThat(config.store()).isEqualTo(new Config.Store("jdbc", "jdbc:postgresql://db:5432/mesh", "mesh", "${env:MESH_STORE_PASSWORD}"));
    assertThat(config.lake().path()).isEqualTo(Path.of("/data/lake"));
    assertThat(config.engine()).isEqualTo(new Config.Engine("duckdb", 4, "8GB", 60));
  }

  @Test
  void readsOpenIdConnectSettingsWithTheEmailClaimByDefault() {
    Config config = ConfigReader.parse(home, "meshwork.yaml", """
        auth:
          oidc:
            issuer: https://login.example.com/realms/acme
            jwks-url: https://login.example.com/realms/acme/certs
            audience: meshwork
        """);
    assertThat(config.auth().oidc()).isEqualTo(new Config.Oidc("https://login.example.com/realms/acme",
        "https://login.example.com/realms/acme/certs", "meshwork", Config.UserClaim.EMAIL));
    assertThat(ConfigReader.parse(home, "meshwork.yaml", "engine: {threads: 2}\n").auth().oidc()).isNull();
    assertThat(ConfigReader.parse(home, "meshwork.yaml", """
        auth:
          oidc: {issuer: i, jwks-url: "http://localhost:8080/jwks", audience: a, user-claim: preferred_username}
        """).auth().oidc().userClaim()).isEqualTo(Config.UserClaim.PREFERRED_USERNAME);
  }

  @Test
  void openIdConnectProblemsPointAtTheirKeys() {
    assertThatThrownBy(() -> ConfigReader.parse(home, "meshwork.yaml", """
        auth:
          oidc:
            issuer: https://login.example.com
            jwks-url: login.example.com/certs
            user-claim: name
            scope: all
        """))
        .isInstanceOf(InvalidException.class)
        .extracting(e -> ((InvalidException) e).problems().stream().map(Problem::toString).toList())
        .asList()
        .containsExactly(
            "meshwork.yaml:3:5: auth.oidc.audience: missing required key 'audience'",
            "meshwork.yaml:4:15: auth.oidc.jwks-url: expected an http or https URL, not 'login.example.com/certs'",
            "meshwork.yaml:5:17: auth.oidc.user-claim: expected email, sub or preferred_username, not 'name'",
            "meshwork.yaml:6:5: auth.oidc.scope: unknown key (keys of auth.oidc: issuer, jwks-url, audience, user-claim)");
  }

  @Test
  void aRelativeLakeLivesInTheHome() {
    Config config = ConfigReader.parse(home, "meshwork.yaml", "lake: {path: tables}\n");
    assertThat(config.lake().path()).isEqualTo(Path.of("/srv/mesh/tables"));
  }

  @Test
  void unknownKeysAndBadValuesPointAtTheFile() {
    assertThatThrownBy(() -> ConfigReader.parse(home, "meshwork.yaml", """
        store:
          ulr: jdbc:h2:mem:x
        engine:
          threads: many
        lakes: {}
        """))
        .isInstanceOf(InvalidException.class)
        .hasMessage("meshwork.yaml is not a valid configuration")
        .extracting(e -> ((InvalidException) e).problems().stream().map(Problem::toString).toList())
        .asList()
        .containsExactly(
            "meshwork.yaml:2:3: store.ulr: unknown key (did you mean 'url'?) (keys of store: type, url, user, password)",
            "meshwork.yaml:4:12: engine.threads: expected a whole number of 0 or more, not 'many'",
            "meshwork.yaml:5:1: lakes: unknown section (did you mean 'lake'?) (sections: alerts, auth, engine, lake, scheduler, server, store)");
  }

  @Test
  void theSchedulerTicksEveryThirtySecondsAndRunsRetentionAtThreeUtcWithoutAlertsByDefault() {
    Config config = ConfigReader.parse(home, "meshwork.yaml", "store: {user: sa}\n");
    assertThat(config.scheduler()).isEqualTo(new Config.Scheduling(Duration.ofSeconds(30), "0 3 * * *", ZoneOffset.UTC));
    assertThat(config.alerts().webhooks()).isEmpty();
  }

  @Test
  void readsTheSchedulerAndTheAlertsWebhooks() {
    Config config = ConfigReader.parse(home, "meshwork.yaml", """
        scheduler:
          tick: 5s
          retention: "30 1 * * 0"
          zone: Europe/Paris
        alerts:
          webhooks:
            - https://hooks.example.com/services/T0/B0
            - ${env:MESH_ALERT_WEBHOOK}
        """);
    assertThat(config.scheduler()).isEqualTo(new Config.Scheduling(Duration.ofSeconds(5), "30 1 * * 0",
        ZoneId.of("Europe/Paris")));
    assertThat(config.alerts().webhooks()).containsExactly("https://hooks.example.com/services/T0/B0",
        "${env:MESH_ALERT_WEBHOOK}");
    assertThat(ConfigReader.parse(home, "meshwork.yaml", "scheduler: {retention: \"off\"}\n").scheduler().retention())
        .isEqualTo("off");
    assertThat(ConfigReader.parse(home, "meshwork.yaml", "alerts: {webhooks: http://localhost:9000/alerts}\n")
        .alerts().webhooks()).containsExactly("http://localhost:9000/alerts");
  }

  @Test
  void theServerReadsFilesOnlyWhereItStartedUnlessFoldersAreAdded() {
    assertThat(ConfigReader.parse(home, "meshwork.yaml", "store: {user: sa}\n").server().files()).isEmpty();
    assertThat(ConfigReader.parse(home, "meshwork.yaml", "server: {files: [/srv/landing, specs/../shared]}\n")
        .server().files()).containsExactly(Path.of("/srv/landing"), home.dir().resolve("shared").toAbsolutePath().normalize());
    assertThatThrownBy(() -> ConfigReader.parse(home, "meshwork.yaml", "server:\n  files: [{path: x}]\n"))
        .isInstanceOf(InvalidException.class)
        .extracting(e -> ((InvalidException) e).problems().stream().map(Problem::toString).toList())
        .asList()
        .containsExactly("meshwork.yaml:2:11: server.files[0]: expected a folder, absolute or relative to the home, not a mapping");
  }

  @Test
  void sourcesAppliedOverTheApiReadOnlyTheSecretsListed() {
    assertThat(ConfigReader.parse(home, "meshwork.yaml", "store: {user: sa}\n").server().secrets()).isEmpty();
    assertThat(ConfigReader.parse(home, "meshwork.yaml", "server: {secrets: [ORDERS_DB_*, CRM_DB_PASSWORD]}\n")
        .server().secrets()).containsExactly("ORDERS_DB_*", "CRM_DB_PASSWORD");
    assertThatThrownBy(() -> ConfigReader.parse(home, "meshwork.yaml", "server:\n  secrets: [\"${env:X}\", A*B]\n"))
        .isInstanceOf(InvalidException.class)
        .extracting(e -> ((InvalidException) e).problems().stream().map(Problem::toString).toList())
        .asList()
        .containsExactly(
            "meshwork.yaml:2:13: server.secrets[0]: expected an environment variable's name, like ORDERS_DB_PASSWORD, "
                + "or a prefix, like ORDERS_*, not '${env:X}'",
            "meshwork.yaml:2:25: server.secrets[1]: expected an environment variable's name, like ORDERS_DB_PASSWORD, "
                + "or a prefix, like ORDERS_*, not 'A*B'");
  }

  @Test
  void badSchedulerAndAlertsValuesPointAtTheFileWithoutTheWebhook() {
    assertThatThrownBy(() -> ConfigReader.parse(home, "meshwork.yaml", """
        scheduler:
          tick: soon
          retention: "0 25 * * *"
          zone: Mars/Olympus
        alerts:
          webhooks: [ftp://files.example.com/secret-path, {url: x}, "${env:HOOK"]
        """))
        .isInstanceOf(InvalidException.class)
        .extracting(e -> ((InvalidException) e).problems().stream().map(Problem::toString).toList())
        .asList()
        .containsExactly(
            "meshwork.yaml:2:9: scheduler.tick: expected a duration like 5m, 1h, 2d or PT30M, not 'soon'",
            "meshwork.yaml:3:14: scheduler.retention: '0 25 * * *' is not a cron schedule: "
                + "Failed to parse cron expression. Value 25 not in range [0, 23]",
            "meshwork.yaml:4:9: scheduler.zone: 'Mars/Olympus' is not a time zone (expected UTC or a region like Europe/Paris)",
            "meshwork.yaml:6:14: alerts.webhooks[0]: expected an http or https URL, or a secret reference like ${env:NAME}",
            "meshwork.yaml:6:51: alerts.webhooks[1]: expected a URL or a secret reference like ${env:NAME}, not a mapping",
            "meshwork.yaml:6:61: alerts.webhooks[2]: a secret reference is written ${env:NAME} or ${file:/path}");
    assertThatThrownBy(() -> ConfigReader.parse(home, "meshwork.yaml", "scheduler: {retention: on-upstream}\n"))
        .isInstanceOf(InvalidException.class)
        .extracting(e -> ((InvalidException) e).problems().stream().map(Problem::toString).toList())
        .asList()
        .containsExactly("meshwork.yaml:1:24: scheduler.retention: expected a cron expression or off, not on-upstream");
  }
}
