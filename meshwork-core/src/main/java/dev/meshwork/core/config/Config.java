package dev.meshwork.core.config;

import dev.meshwork.core.Home;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A home's {@code meshwork.yaml}: one record per section, each key with its default. Every key is
 * optional; an absent file means all defaults.
 */
public record Config(Store store, Lake lake, Engine engine, Scheduling scheduler, Alerts alerts, Auth auth,
                     Server server) {

  /** The metadata database, which also keeps the tables' catalog. */
  public record Store(
      /* store.type: the metadata store implementation */ String type,
      /* store.url: JDBC URL; default an embedded H2 database in the home's meta/ folder */ String url,
      /* store.user */ String user,
      /* store.password: a secret reference such as ${env:MESH_STORE_PASSWORD} */ String password) {}

  /** Where tables live. */
  public record Lake(
      /* lake.type: the table store implementation */ String type,
      /* lake.path: folder of the tables, relative to the home; default lake */ Path path) {}

  /** The SQL engine for builds and queries. */
  public record Engine(
      /* engine.type: the engine implementation */ String type,
      /* engine.threads: threads per build or query; 0 = one per core */ int threads,
      /* engine.memory-limit: e.g. 4GB; default the engine's own (80% of RAM for DuckDB) */ String memoryLimit,
      /* engine.query-timeout: seconds a consumer's query may run before it is stopped; default 60 */ int queryTimeout) {}

  /** How the server authenticates callers besides API tokens; {@code oidc} is null when not configured. */
  public record Auth(Oidc oidc) {}

  /**
   * OpenID Connect: bearer tokens that are JWTs signed by the issuer (keys from {@code jwksUrl}),
   * for {@code audience}, name a platform user by {@code userClaim}.
   */
  public record Oidc(
      /* auth.oidc.issuer: the tokens' iss, exactly */ String issuer,
      /* auth.oidc.jwks-url: where the issuer publishes its signing keys (JWKS) */ String jwksUrl,
      /* auth.oidc.audience: a value the tokens' aud must hold */ String audience,
      /* auth.oidc.user-claim: email (default), sub or preferred_username */ UserClaim userClaim) {}

  /** The claim naming the platform user: {@code email} matches a user's email, the others a user's name. */
  public enum UserClaim {
    EMAIL("email"), SUB("sub"), PREFERRED_USERNAME("preferred_username");

    private final String claim;

    UserClaim(String claim) {
      this.claim = claim;
    }

    /** The claim's name in a token. */
    public String claim() {
      return claim;
    }
  }

  /** What {@code mesh serve} runs on its own: scheduled builds, the daily retention run, the SLA checks. */
  public record Scheduling(
      /* scheduler.tick: how often schedules and SLAs are checked; default 30s */ Duration tick,
      /* scheduler.retention: cron expression of the retention run, or off; default 0 3 * * * */ String retention,
      /* scheduler.zone: the time zone of cron expressions; default UTC */ ZoneId zone) {

    public static final String OFF = "off";
  }

  /** Where alerts go, besides the home's logs/alerts.log. */
  public record Alerts(
      /* alerts.webhooks: URLs, or secret references, that Slack-compatible JSON alerts are POSTed to */
      List<String> webhooks) {

    public Alerts {
      webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
    }
  }

  /** What {@code mesh serve} lets callers of its API do with the server's own disk. */
  public record Server(
      /* server.files: folders, besides the one mesh serve started in, whose files (SQL, READMEs, data) specs
         applied over the API may name; absolute or relative to the home */
      List<Path> files,
      /* server.secrets: environment variables (NAME, or PREFIX_* for all that start so) that sources applied
         over the API may refer to as ${env:NAME}; none by default */
      List<String> secrets) {

    public Server {
      files = files == null ? List.of() : List.copyOf(files);
      secrets = secrets == null ? List.of() : List.copyOf(secrets);
    }
  }

  public static Config defaults(Home home) {
    return new Config(
        new Store("jdbc", h2Url(home), "sa", null),
        new Lake("iceberg", home.lake()),
        new Engine("duckdb", 0, null, 60),
        new Scheduling(Duration.ofSeconds(30), "0 3 * * *", ZoneOffset.UTC),
        new Alerts(List.of()),
        new Auth(null),
        new Server(List.of(), List.of()));
  }

  /**
   * The embedded H2 database of a home. Commits are written at once (H2 otherwise delays them
   * by up to half a second), so a process killed right after a commit loses nothing.
   */
  public static String h2Url(Home home) {
    return "jdbc:h2:file:" + home.meta().resolve("meshwork") + ";WRITE_DELAY=0";
  }
}
