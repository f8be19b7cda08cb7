package dev.meshwork.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.examples.ExampleData.Scale;
import dev.meshwork.spec.Input;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the SMALL example data into a copy of {@code examples/} and a PostgreSQL server,
 * then builds every example product as the platform will and audits it against its contract.
 */
class ExampleDataIT {

  @TempDir
  static Path temp;

  private static EmbeddedPostgres postgres;
  private static String serverUrl;
  private static Path examples;
  private static Instant now;
  private static MeshBuild mesh;
  private static List<Outcome> outcomes;

  @BeforeAll
  static void generateAndBuild() throws Exception {
    postgres = EmbeddedPostgres.start();
    serverUrl = postgres.getJdbcUrl("postgres", "postgres");
    examples = copyOfExamples(temp.resolve("examples"));
    now = Instant.now();
    ExampleData.writeFiles(examples, Scale.SMALL, now);
    ExampleData.loadPostgres(serverUrl, "postgres", "postgres", examples, Scale.SMALL, now);
    mesh = new MeshBuild(examples, serverUrl, temp.resolve("work"));
    outcomes = mesh.buildAll();
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void everyExampleProductIsBuiltAfterItsUpstreamProducts() {
    assertThat(mesh.built()).containsExactly("customers.profile", "orders.daily", "orders.events",
        "customers.customer_360", "finance.revenue_by_tenant", "logistics.shipment_tracking",
        "marketing.product_views", "marketing.campaign_performance");
  }

  @Test
  void everyProductPassesItsSchemaAndBlockingRules() {
    assertThat(outcomes.stream().filter(o -> o.blocking() && !o.passed())).isEmpty();
    assertThat(outcomes.stream().filter(Outcome::blocking)).hasSizeGreaterThan(60);
  }

  @Test
  void twoWarningsFailAsTheyWouldInRealData() {
    assertThat(outcomes.stream().filter(o -> !o.blocking() && !o.passed()).map(o -> o.product() + " " + o.check()))
        .containsExactly("orders.events currency-code", "logistics.shipment_tracking sql");
  }

  @Test
  void sourcesReferToEachOther() throws SQLException, IOException {
    Path copies = Files.createDirectories(temp.resolve("sources"));
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      attachAll(duck, copies);
      assertThat(count(duck, """
          SELECT count(*) FROM orders_db.orders AS o
          LEFT JOIN crm.customers AS c ON c.id = o.customer_id
          WHERE c.id IS NULL OR c.tenant_id <> o.tenant_id""")).isZero();
      assertThat(count(duck, "SELECT count(*) FROM payments_api.payments WHERE order_id NOT IN (SELECT id FROM orders_db.orders)"))
          .isZero();
      assertThat(count(duck, "SELECT count(*) FROM shipping.events WHERE CAST(order_id AS UUID) NOT IN (SELECT id FROM orders_db.orders)"))
          .isZero();
      assertThat(count(duck, """
          SELECT count(*) FROM clickstream.events
          WHERE url LIKE '%/products/%'
            AND regexp_extract(url, '/products/([A-Za-z0-9_-]+)', 1) NOT IN (SELECT product_id FROM orders_db.order_items)"""))
          .isZero();
      assertThat(count(duck, """
          SELECT count(DISTINCT tenant_id) FROM campaigns_sheet.campaigns
          WHERE CAST(tenant_id AS UUID) NOT IN (SELECT tenant_id FROM orders_db.orders)""")).isZero();
    }
  }

  @Test
  void campaignsRunningTodayBringViewsAndTheirTenantsOrders() throws SQLException {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      String performance = "read_parquet('" + mesh.builtFile("marketing.campaign_performance") + "')";
      assertThat(count(duck, "SELECT count(DISTINCT campaign_id) FROM " + performance + " WHERE day = current_date"))
          .isGreaterThanOrEqualTo(4);
      assertThat(count(duck, "SELECT count(*) FROM " + performance + " WHERE views > 0 AND orders > 0"))
          .isGreaterThan(20);
    }
  }

  @Test
  void theSameSeedAndTimeWriteTheSameFiles() throws IOException {
    Path first = Files.createDirectories(temp.resolve("first"));
    Path second = Files.createDirectories(temp.resolve("second"));
    Path other = Files.createDirectories(temp.resolve("other"));
    Scale scale = Scale.ofOrders(500);
    ExampleData.writeFiles(first, scale, now);
    ExampleData.writeFiles(second, scale, now);
    ExampleData.writeFiles(other, new Scale(scale.orders(), 7), now);
    Map<String, byte[]> files = contents(first);
    assertThat(files).hasSizeGreaterThan(20);
    assertThat(contents(second)).containsOnlyKeys(files.keySet())
        .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(files.get(name)));
    String campaigns = "marketing/data/campaigns/campaign-calendar.csv";
    assertThat(contents(other).get(campaigns)).isNotEqualTo(files.get(campaigns));
  }

  @Test
  void loadingAgainReplacesTheRows() throws SQLException {
    World world = World.generate(Scale.SMALL, now);
    String before = fingerprint();
    ExampleData.loadPostgres(serverUrl, "postgres", "postgres", examples, Scale.SMALL, now);
    assertThat(fingerprint()).isEqualTo(before).startsWith("orders=" + world.orders().size()
        + " order_items=" + world.items().size() + " order_events=" + world.orderEvents().size()
        + " customers=" + world.customers().size());
  }

  private static String fingerprint() throws SQLException {
    StringBuilder counts = new StringBuilder();
    StringBuilder sums = new StringBuilder();
    for (String table : List.of("orders.orders", "orders.order_items", "orders.order_events", "crm.customers")) {
      String[] parts = table.split("\\.");
      String url = PostgresUrls.withDatabase(serverUrl, parts[0]);
      try (Connection pg = DriverManager.getConnection(url, "postgres", "postgres"); Statement statement = pg.createStatement();
           ResultSet rows = statement.executeQuery("SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t.id)) FROM public."
               + parts[1] + " AS t")) {
        rows.next();
        counts.append(counts.length() == 0 ? "" : " ").append(parts[1]).append('=').append(rows.getLong(1));
        sums.append(' ').append(rows.getString(2));
      }
    }
    return counts.append(sums).toString();
  }

  private static void attachAll(Connection duck, Path work) throws SQLException, IOException {
    Inputs inputs = new Inputs(Map.of(), serverUrl, work, work);
    for (String table : List.of("orders", "order_items")) {
      inputs.attach(duck, new Input.FromSource("orders_db", "orders-db", List.of(table)));
    }
    inputs.attach(duck, new Input.FromSource("crm", "crm", List.of("customers")));
    Map<String, String> files = Map.of(
        "payments_api.payments", "read_json('" + examples.resolve("orders/data/payments/*.jsonl") + "')",
        "shipping.events", "read_csv('" + examples.resolve("logistics/data/shipping/*.csv") + "', header = true)",
        "clickstream.events", "read_parquet('" + examples.resolve("marketing/data/clickstream/*.parquet") + "')",
        "campaigns_sheet.campaigns", "read_csv('" + examples.resolve("marketing/data/campaigns/*.csv") + "', header = true)");
    for (Map.Entry<String, String> file : files.entrySet()) {
      Inputs.execute(duck, "CREATE SCHEMA IF NOT EXISTS " + file.getKey().split("\\.")[0]);
      Inputs.execute(duck, "CREATE VIEW " + file.getKey() + " AS SELECT * FROM " + file.getValue());
    }
  }

  private static long count(Connection duck, String sql) throws SQLException {
    try (Statement statement = duck.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put(root.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return contents;
  }

  private static boolean isData(Path relative) {
    for (Path part : relative) {
      if (part.toString().equals("data")) {
        return true;
      }
    }
    return false;
  }

  private static Path copyOfExamples(Path target) throws IOException {
    Path source = Path.of("..", "examples").toAbsolutePath().normalize();
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.filter(p -> !isData(source.relativize(p))).toList()) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
    return target;
  }
}
