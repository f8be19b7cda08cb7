package dev.meshwork.examples;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.examples.World.Customer;
import dev.meshwork.examples.World.Item;
import dev.meshwork.examples.World.Order;
import dev.meshwork.examples.World.OrderEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Loads the tables of the databases {@code orders} and {@code crm} into embedded H2 databases,
 * one file each, for when no PostgreSQL server is at hand. The tables have the columns and types
 * of {@code pg/orders.sql} and {@code pg/crm.sql}; names are kept in lower case, as PostgreSQL
 * keeps them.
 */
final class H2Loader {

  static final String USER = "sa";
  private static final int BATCH = 1_000;

  private static final String CRM = """
      DROP TABLE IF EXISTS public.customers;
      CREATE TABLE public.customers (
          id            uuid PRIMARY KEY,
          tenant_id     uuid NOT NULL,
          email         varchar NOT NULL,
          first_name    varchar,
          last_name     varchar,
          country_code  char(2),
          created_at    timestamp with time zone NOT NULL,
          updated_at    timestamp with time zone NOT NULL,
          deleted_at    timestamp with time zone
      );
      """;

  private static final String ORDERS = """
      DROP TABLE IF EXISTS public.order_events;
      DROP TABLE IF EXISTS public.order_items;
      DROP TABLE IF EXISTS public.orders;
      CREATE TABLE public.orders (
          id           uuid PRIMARY KEY,
          tenant_id    uuid NOT NULL,
          customer_id  uuid NOT NULL,
          status       varchar NOT NULL,
          total_cents  bigint NOT NULL,
          currency     char(3) NOT NULL,
          created_at   timestamp with time zone NOT NULL,
          updated_at   timestamp with time zone NOT NULL
      );
      CREATE TABLE public.order_items (
          id                uuid PRIMARY KEY,
          order_id          uuid NOT NULL REFERENCES public.orders (id),
          product_id        varchar NOT NULL,
          quantity          integer NOT NULL,
          unit_price_cents  bigint NOT NULL
      );
      CREATE TABLE public.order_events (
          id           uuid PRIMARY KEY,
          order_id     uuid NOT NULL REFERENCES public.orders (id),
          event_type   varchar NOT NULL,
          status       varchar NOT NULL,
          occurred_at  timestamp with time zone NOT NULL
      );
      """;

  private final Path folder;

  H2Loader(Path folder) {
    this.folder = folder;
  }

  /** The JDBC URL of one of the databases in {@code folder}. */
  static String url(Path folder, String database) {
    return "jdbc:h2:file:" + folder.toAbsolutePath().normalize().resolve(database) + ";DATABASE_TO_LOWER=TRUE";
  }

  void load(World world) {
    inDatabase("crm", CRM, connection -> insert(connection, """
        INSERT INTO public.customers (id, tenant_id, email, first_name, last_name, country_code, created_at,
            updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, world.customers(), (Customer c) -> new Object[] {c.id(), c.tenantId(), c.email(), c.firstName(),
        c.lastName(), c.countryCode(), time(c.createdAt()), time(c.updatedAt()), time(c.deletedAt())}));
    inDatabase("orders", ORDERS, connection -> {
      insert(connection, """
          INSERT INTO public.orders (id, tenant_id, customer_id, status, total_cents, currency, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """, world.orders(), (Order o) -> new Object[] {o.id(), o.tenantId(), o.customerId(), o.status(),
          o.totalCents(), o.currency(), time(o.createdAt()), time(o.updatedAt())});
      insert(connection, """
          INSERT INTO public.order_items (id, order_id, product_id, quantity, unit_price_cents) VALUES (?, ?, ?, ?, ?)
          """, world.items(), (Item i) -> new Object[] {i.id(), i.orderId(), i.productId(), i.quantity(),
          i.unitPriceCents()});
      insert(connection, """
          INSERT INTO public.order_events (id, order_id, event_type, status, occurred_at) VALUES (?, ?, ?, ?, ?)
          """, world.orderEvents(), (OrderEvent e) -> new Object[] {e.id(), e.orderId(), e.eventType(), e.status(),
          time(e.occurredAt())});
    });
  }

  private void inDatabase(String database, String ddl, Work work) {
    try (Connection connection = DriverManager.getConnection(url(folder, database), USER, "");
         Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute(ddl);
      work.run(connection);
      connection.commit();
    } catch (SQLException e) {
      throw new EngineException("cannot load example data into the H2 database " + database + " in " + folder + ": "
          + e.getMessage(), e);
    }
  }

  private static <T> void insert(Connection connection, String sql, List<T> rows, Function<T, Object[]> values)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int pending = 0;
      for (T row : rows) {
        Object[] fields = values.apply(row);
        for (int i = 0; i < fields.length; i++) {
          insert.setObject(i + 1, fields[i]);
        }
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  @FunctionalInterface
  private interface Work {
    void run(Connection connection) throws SQLException;
  }
}
