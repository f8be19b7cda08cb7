package dev.meshwork.examples;

import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Generates the sources of the sample mesh in {@code examples/}: the files of the file sources
 * and the rows of the two PostgreSQL databases. The data is the same for the same scale and
 * {@code now}, agrees across sources (orders of CRM customers, payments and parcels of those
 * orders, product pages of ordered products, campaigns of tenants with orders), lies around
 * {@code now} so that freshness rules hold, and carries the dirt the transforms clean up.
 * Running it again replaces what an earlier run wrote.
 */
public final class ExampleData {

  /** How much to generate: the number of orders (everything else follows from it) and the seed. */
  public record Scale(int orders, long seed) {

    public static final long DEFAULT_SEED = 20_260_601L;
    public static final int MAX_ORDERS = 10_000_000;

    /** A few thousand orders: generated in about a second, for tests and demos. */
    public static final Scale SMALL = new Scale(3_000, DEFAULT_SEED);

    /** A hundred thousand orders. */
    public static final Scale MEDIUM = new Scale(100_000, DEFAULT_SEED);

    public Scale {
      if (orders < 10 || orders > MAX_ORDERS) {
        throw new InvalidException("cannot generate example data: orders must be between 10 and " + MAX_ORDERS
            + ", not " + orders);
      }
    }

    public static Scale ofOrders(int orders) {
      return new Scale(orders, DEFAULT_SEED);
    }
  }

  /** The user of the H2 databases {@link #loadH2} writes. */
  public static final String H2_USER = H2Loader.USER;

  private ExampleData() {}

  /**
   * Writes the file sources' data below {@code examplesDir}: {@code orders/data/payments/*.jsonl},
   * {@code logistics/data/shipping/*.csv}, {@code marketing/data/clickstream/*.parquet} and
   * {@code marketing/data/campaigns/*.csv}, replacing the files an earlier run left there.
   */
  public static void writeFiles(Path examplesDir, Scale scale, Instant now) {
    checkDirectory(examplesDir);
    World world = World.generate(scale, now);
    SourceFiles.write(examplesDir, world);
    ClickstreamFiles.write(examplesDir.resolve(ClickstreamFiles.DIRECTORY), world.clicks());
  }

  /**
   * Creates the databases {@code orders} and {@code crm} on the server if missing, applies
   * {@code examplesDir/pg/orders.sql} and {@code crm.sql}, and replaces the tables' rows.
   *
   * @param serverJdbcUrl a {@code jdbc:postgresql:} URL of the server; its database is only used
   *     to create the two databases
   */
  public static void loadPostgres(String serverJdbcUrl, String user, String password, Path examplesDir, Scale scale,
                                  Instant now) {
    PostgresUrls.check(serverJdbcUrl);
    checkDirectory(examplesDir);
    World world = World.generate(scale, now);
    new PostgresLoader(serverJdbcUrl, user, password, examplesDir.resolve("pg")).load(world);
  }

  /**
   * Loads the tables of the databases {@code orders} and {@code crm}, with the rows
   * {@link #loadPostgres} loads, into two embedded H2 databases in {@code folder} (created when
   * missing), replacing what an earlier run loaded. {@link #h2Url} gives their JDBC URLs; their
   * user is {@link #H2_USER}, without a password. For when no PostgreSQL server is at hand.
   */
  public static void loadH2(Path folder, Scale scale, Instant now) {
    try {
      Files.createDirectories(folder);
    } catch (java.io.IOException e) {
      throw new InvalidException("cannot load example data: cannot create " + folder + ": " + e.getMessage());
    }
    new H2Loader(folder).load(World.generate(scale, now));
  }

  /** The JDBC URL of the H2 database {@code orders} or {@code crm} that {@link #loadH2} wrote into {@code folder}. */
  public static String h2Url(Path folder, String database) {
    return H2Loader.url(folder, database);
  }

  private static void checkDirectory(Path examplesDir) {
    if (!Files.isDirectory(examplesDir)) {
      throw new NotFoundException("cannot generate example data: " + examplesDir + " is not a directory");
    }
  }
}
