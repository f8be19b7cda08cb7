package dev.meshwork.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.examples.World.Customer;
import dev.meshwork.examples.World.Item;
import dev.meshwork.examples.World.Order;
import dev.meshwork.examples.World.OrderEvent;
import dev.meshwork.spec.error.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Loads the databases {@code orders} and {@code crm}: creates them if missing, applies their DDL
 * and replaces the rows in one transaction per database, with COPY.
 */
final class PostgresLoader {

  private static final int CHUNK = 1 << 20;

  private final String serverUrl;
  private final String user;
  private final String password;
  private final Path ddlDirectory;

  PostgresLoader(String serverUrl, String user, String password, Path ddlDirectory) {
    this.serverUrl = serverUrl;
    this.user = user;
    this.password = password;
    this.ddlDirectory = ddlDirectory;
  }

  void load(World world) {
    String ordersDdl = ddl("orders");
    String crmDdl = ddl("crm");
    createDatabases("orders", "crm");
    inDatabase("crm", crmDdl, "TRUNCATE public.customers", copy -> {
      copy.table("public.customers (id, tenant_id, email, first_name, last_name, country_code, created_at, "
          + "updated_at, deleted_at)", world.customers(), PostgresLoader::customerLine);
    });
    inDatabase("orders", ordersDdl, "TRUNCATE public.order_events, public.order_items, public.orders", copy -> {
      copy.table("public.orders (id, tenant_id, customer_id, status, total_cents, currency, created_at, updated_at)",
          world.orders(), PostgresLoader::orderLine);
      copy.table("public.order_items (id, order_id, product_id, quantity, unit_price_cents)",
          world.items(), PostgresLoader::itemLine);
      copy.table("public.order_events (id, order_id, event_type, status, occurred_at)",
          world.orderEvents(), PostgresLoader::eventLine);
    });
  }

  private static String customerLine(Customer c) {
    return Text.csvLine(c.id(), c.tenantId(), c.email(), c.firstName(), c.lastName(), c.countryCode(),
        c.createdAt(), c.updatedAt(), c.deletedAt());
  }

  private static String orderLine(Order o) {
    return Text.csvLine(o.id(), o.tenantId(), o.customerId(), o.status(), o.totalCents(), o.currency(),
        o.createdAt(), o.updatedAt());
  }

  private static String itemLine(Item i) {
    return Text.csvLine(i.id(), i.orderId(), i.productId(), i.quantity(), i.unitPriceCents());
  }

  private static String eventLine(OrderEvent e) {
    return Text.csvLine(e.id(), e.orderId(), e.eventType(), e.status(), e.occurredAt());
  }

  private String ddl(String database) {
    Path file = ddlDirectory.resolve(database + ".sql");
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new NotFoundException("cannot load example data: cannot read the DDL " + file + ": " + e.getMessage());
    }
  }

  private void createDatabases(String... databases) {
    try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
         PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
         Statement statement = connection.createStatement()) {
      for (String database : databases) {
        exists.setString(1, database);
        try (ResultSet found = exists.executeQuery()) {
          if (!found.next()) {
            statement.execute("CREATE DATABASE \"" + database + "\"");
          }
        }
      }
    } catch (SQLException e) {
      throw new EngineException("cannot create the example databases: " + e.getMessage(), e);
    }
  }

  private void inDatabase(String database, String ddl, String truncate, CopyWork work) {
    String url = PostgresUrls.withDatabase(serverUrl, database);
    try (Connection connection = DriverManager.getConnection(url, user, password);
         Statement statement = connection.createStatement()) {
      statement.execute(ddl);
      connection.setAutoCommit(false);
      statement.execute(truncate);
      work.run(new Copier(connection.unwrap(PGConnection.class).getCopyAPI()));
      connection.commit();
    } catch (SQLException e) {
      throw new EngineException("cannot load example data into database " + database + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface CopyWork {
    void run(Copier copier) throws SQLException;
  }

  /** Streams rows as CSV into {@code COPY ... FROM STDIN}, a chunk at a time. */
  private record Copier(CopyManager manager) {
    <T> void table(String target, List<T> rows, Function<T, String> line) throws SQLException {
      CopyIn copy = manager.copyIn("COPY " + target + " FROM STDIN WITH (FORMAT csv)");
      try {
        StringBuilder chunk = new StringBuilder();
        for (T row : rows) {
          chunk.append(line.apply(row));
          if (chunk.length() >= CHUNK) {
            send(copy, chunk);
          }
        }
        send(copy, chunk);
        copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
    }

    private static void send(CopyIn copy, StringBuilder chunk) throws SQLException {
      byte[] bytes = chunk.toString().getBytes(UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      chunk.setLength(0);
    }
  }
}
