package dev.meshwork.bench;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.ops.BuildListener;
import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.load.Loader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A platform home holding many small data products: domains of 100 products each, every product
 * reading its domain's CSV source (every tenth one its neighbour product as well), applied domain
 * by domain through the platform. The first {@link #PUBLISHED} products (those of the first
 * domain), or as many as asked for, are built. A consumer user {@code bench} holds the token the load is sent with.
 */
final class ManyProducts {

  static final int PER_DOMAIN = 100;
  static final int PUBLISHED = 10;

  /** Words titles, tags and descriptions are made of; the searches look for them. */
  static final List<String> WORDS = List.of("orders", "revenue", "customers", "shipments", "invoices", "payments",
      "refunds", "inventory", "campaigns", "sessions", "clicks", "tickets", "returns", "subscriptions", "churn",
      "margin", "suppliers", "warehouses", "carriers", "leads", "accounts", "contracts", "budgets", "forecasts",
      "devices", "stores", "regions", "products", "prices", "discounts", "vouchers", "reviews", "ratings", "events",
      "visits", "signups", "trials", "renewals", "claims", "audits", "ledger", "tax", "fees", "payouts", "disputes",
      "alerts", "incidents", "deliveries", "routes", "drivers");

  /** A prepared home: where it is, the products on it (the built ones first) and the consumer's token. */
  record Prepared(Path home, Path specs, List<String> products, String token, double applySeconds) {}

  private static final Map<String, Prepared> PREPARED = new java.util.HashMap<>();

  private ManyProducts() {}

  /** The home with {@code count} products, {@link #PUBLISHED} of them built, prepared once per run. */
  static Prepared home(int count) throws Exception {
    return home(count, PUBLISHED);
  }

  /** The home with {@code count} products, the first {@code built} of them built, prepared once per run. */
  static synchronized Prepared home(int count, int built) throws Exception {
    String key = count + "/" + built;
    Prepared prepared = PREPARED.get(key);
    if (prepared == null) {
      prepared = prepare(Files.createTempDirectory("meshwork-bench-products"), count, built);
      PREPARED.put(key, prepared);
    }
    return prepared;
  }

  private static Prepared prepare(Path work, int count, int built) throws Exception {
    Path specs = Files.createDirectories(work.resolve("specs"));
    Path data = Files.createDirectories(work.resolve("data"));
    Files.writeString(data.resolve("events.csv"), "id,kind,amount\n1,a,120\n2,b,300\n3,a,45\n");
    List<String> products = new ArrayList<>();
    for (int d = 0; d * PER_DOMAIN < count; d++) {
      Files.writeString(specs.resolve(domain(d) + ".yaml"), domainYaml(d, data, Math.min(PER_DOMAIN, count - d * PER_DOMAIN), products));
    }
    Path home = work.resolve("home");
    long start = System.nanoTime();
    String token;
    try (Platform platform = Platform.open(new Home(home), Map.of(), Clock.systemUTC())) {
      try (var files = Files.list(specs)) {
        for (Path file : files.sorted().toList()) {
          platform.operations().apply(new Loader(specs).load(List.of(file)).resources());
        }
      }
      double applied = Bench.seconds(System.nanoTime() - start);
      long building = System.nanoTime();
      for (String product : products.subList(0, Math.min(built, products.size()))) {
        BuildRecord build = platform.operations().build(new BuildRequest(ProductRef.parse(product), null, null, null, false),
            BuildListener.NONE).get(0);
        if (build.status() != BuildRecord.Status.PUBLISHED) {
          throw new IllegalStateException("the benchmark build of " + product + " failed: " + build.error());
        }
      }
      platform.identities().ensureAdmin();
      platform.identities().createUser("bench", "bench@example.com", null, false);
      token = platform.identities().issueToken("bench", null).secret();
      Bench.report("products: " + count + " applied in " + applied + " s, " + Math.min(built, count) + " built in "
          + Bench.seconds(System.nanoTime() - building) + " s (" + specs + ")");
      return new Prepared(home, specs, List.copyOf(products), token, applied);
    }
  }

  static String domain(int d) {
    return String.format("dom%03d", d);
  }

  static String domainYaml(int d, Path data, int count, List<String> products) throws IOException {
    StringBuilder yaml = new StringBuilder("""
        apiVersion: meshwork/v1
        kind: Domain
        metadata: {name: %1$s, title: Domain %1$s}
        spec: {description: Benchmark domain %1$s, owner: %1$s-team@example.com, type: source-aligned}
        ---
        apiVersion: meshwork/v1
        kind: Source
        metadata: {name: events, domain: %1$s}
        spec: {type: files, path: %2$s, format: csv}
        """.formatted(domain(d), data.resolve("*.csv")));
    for (int p = 0; p < count; p++) {
      String name = String.format("p%05d", d * PER_DOMAIN + p);
      products.add(domain(d) + "." + name);
      String a = word(d * 7 + p);
      String b = word(d * 3 + p * 11 + 1);
      String c = word(p * 13 + d + 2);
      String upstream = p % 10 == 9 ? "\n    - {name: prev, product: %s.%s}".formatted(domain(d),
          String.format("p%05d", d * PER_DOMAIN + p - 1)) : "";
      yaml.append("""
          ---
          apiVersion: meshwork/v1
          kind: DataProduct
          metadata:
            name: %1$s
            domain: %2$s
            title: %3$s by %4$s
            owner: %2$s-team@example.com
            description: The %3$s of each %4$s with their %5$s, refreshed daily for the %2$s team.
            tags: [%3$s, %5$s]
          spec:
            version: 1.0.0
            classification: INTERNAL
            retentionDays: 365
            inputs:
              - {name: raw, source: events, tables: [events]}%6$s
            transform:
              sql: SELECT CAST(id AS BIGINT) AS id, kind AS %4$s_kind, CAST(amount AS BIGINT) AS %3$s_amount FROM raw.events
            schema:
              - {name: id, type: int64, required: true, unique: true, description: The %5$s identifier}
              - {name: %4$s_kind, type: string, description: Kind of %4$s}
              - {name: %3$s_amount, type: int64, description: Amount of %3$s}
            quality:
              - {rule: rowCount, mustBeGreaterThan: 0}
              - {column: %3$s_amount, rule: nonNegative}
            sla:
              freshness: {daily: "08:00 UTC"}
          """.formatted(name, domain(d), a, b, c, upstream));
    }
    return yaml.toString();
  }

  private static String word(int i) {
    return WORDS.get(Math.floorMod(i, WORDS.size()));
  }
}
