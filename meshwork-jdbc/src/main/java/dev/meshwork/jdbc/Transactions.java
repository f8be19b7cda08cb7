package dev.meshwork.jdbc;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.MeshException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;

/**
 * Opens the database (connecting first, so that connection problems read well, then migrating)
 * and runs units of work in transactions, retrying those that lost a race with another writer.
 */
final class Transactions implements AutoCloseable {

  private static final String HISTORY_TABLE = "meshwork_schema_history";
  private static final int CONNECTIONS = 4;
  private static final int ATTEMPTS = 8;
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final ConnectionPool pool;

  private Transactions(ConnectionPool pool) {
    this.pool = pool;
  }

  static Transactions open(String url, String user, String password) {
    if (url == null || url.isBlank()) {
      throw new InvalidException("cannot open the metadata store: no database URL is configured");
    }
    ConnectionPool pool = new ConnectionPool(url, user, password, CONNECTIONS);
    String where = "cannot open the metadata store at " + redact(url, password);
    try {
      pool.give(pool.take(), true);
      Flyway.configure(Transactions.class.getClassLoader())
          .dataSource(url, user, password)
          .locations("classpath:db/meshwork")
          .table(HISTORY_TABLE)
          // the Iceberg catalog may have created its tables in the same database first
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
      return new Transactions(pool);
    } catch (SQLException e) {
      pool.close();
      throw openFailure(where, url, password, e);
    } catch (RuntimeException e) {
      pool.close();
      throw new EngineException(where + ": cannot migrate its schema: " + redact(e.getMessage(), password), e);
    }
  }

  private static MeshException openFailure(String where, String url, String password, SQLException e) {
    MeshException failure = url.startsWith("jdbc:h2:") && e.getErrorCode() == H2_DATABASE_ALREADY_OPEN
        ? new ConflictException(where + ": the database is in use by another process")
        : new InvalidException(where + ": " + redact(e.getMessage(), password));
    failure.initCause(e);
    return failure;
  }

  /** Hides a password, whether given apart or as a URL parameter, from a message. */
  private static String redact(String text, String password) {
    if (text == null) {
      return "unknown reason";
    }
    String redacted = text.replaceAll("(?i)(password=)[^&;\\s]*", "$1***");
    return password == null || password.isEmpty() ? redacted : redacted.replace(password, "***");
  }

  <T> T run(String what, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      Connection connection;
      try {
        connection = pool.take();
      } catch (SQLException e) {
        throw new EngineException("cannot " + what + ": " + e.getMessage(), e);
      }
      boolean reusable = true;
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException e) {
        reusable = rollback(connection) && !isState(e, "08");
        if (attempt == ATTEMPTS || !lostARace(e)) {
          throw new EngineException("cannot " + what + ": " + e.getMessage(), e);
        }
      } catch (RuntimeException | Error e) {
        reusable = rollback(connection);
        throw e;
      } finally {
        pool.give(connection, reusable);
      }
      pause(what, attempt);
    }
  }

  /**
   * Worth another try: a serialization failure or deadlock (40*), a dropped connection (08*), a
   * concurrent insert of the same key (23505), or H2's lock timeout (HYT00) and concurrent update (90131).
   */
  private static boolean lostARace(SQLException e) {
    return isState(e, "40") || isState(e, "08") || isState(e, "23505") || isState(e, "HYT00")
        || isState(e, "90131");
  }

  /** A short random wait, longer after each attempt, so that the writers that collided spread out. */
  private static void pause(String what, int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException("cannot " + what + ": interrupted", e);
    }
  }

  private static boolean isState(SQLException e, String prefix) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (next.getSQLState() != null && next.getSQLState().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean rollback(Connection connection) {
    try {
      connection.rollback();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
