package dev.meshwork.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Semaphore;

/**
 * At most {@code size} connections at once, kept open between uses (most recently used first) so
 * that PostgreSQL is not reconnected per call and an embedded H2 database stays open. A
 * connection that failed is closed rather than reused. Connections are in manual-commit mode.
 */
final class ConnectionPool implements AutoCloseable {

  private final String url;
  private final Properties credentials = new Properties();
  private final Semaphore permits;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  ConnectionPool(String url, String user, String password, int size) {
    this.url = url;
    if (user != null) {
      credentials.setProperty("user", user);
    }
    if (password != null) {
      credentials.setProperty("password", password);
    }
    this.permits = new Semaphore(size, true);
  }

  /** A connection for the caller alone until it gives it back; waits while all are in use. */
  Connection take() throws SQLException {
    permits.acquireUninterruptibly();
    Connection connection = null;
    try {
      synchronized (idle) {
        if (closed) {
          throw new SQLException("the metadata store is closed");
        }
        connection = idle.poll();
      }
      if (connection == null) {
        connection = DriverManager.getConnection(url, credentials);
        connection.setAutoCommit(false);
      }
      return connection;
    } catch (SQLException | RuntimeException e) {
      if (connection != null) {
        closeQuietly(connection);
      }
      permits.release();
      throw e;
    }
  }

  void give(Connection connection, boolean reusable) {
    boolean kept = false;
    synchronized (idle) {
      if (reusable && !closed) {
        idle.push(connection);
        kept = true;
      }
    }
    if (!kept) {
      closeQuietly(connection);
    }
    permits.release();
  }

  /** Closes the idle connections now, and those in use when they are given back. */
  @Override
  public void close() {
    List<Connection> open;
    synchronized (idle) {
      closed = true;
      open = new ArrayList<>(idle);
      idle.clear();
    }
    open.forEach(ConnectionPool::closeQuietly);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // already unusable; nothing else to release
    }
  }
}
