package dev.meshwork.examples;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.examples.World.Click;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** The clickstream's Parquet files, one a day, written by an in-memory DuckDB. */
final class ClickstreamFiles {

  static final String DIRECTORY = "marketing/data/clickstream";

  private static final String TABLE = """
      CREATE TABLE events (
          event_id VARCHAR, event_type VARCHAR, user_id VARCHAR, session_id VARCHAR,
          url VARCHAR, user_agent VARCHAR, event_ts TIMESTAMP)
      """;
  private static final String COPY_DAY = """
      COPY (SELECT * FROM events WHERE CAST(event_ts AS DATE) = DATE '%s' ORDER BY event_ts, event_id)
      TO '%s' (FORMAT parquet)
      """;

  private ClickstreamFiles() {}

  static void write(Path directory, List<Click> clicks) {
    SourceFiles.clear(directory, "*.parquet");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = connection.createStatement()) {
      statement.execute("SET threads = 1");
      statement.execute(TABLE);
      TreeSet<LocalDate> days = new TreeSet<>();
      try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("main", "events")) {
        for (Click click : clicks) {
          LocalDateTime ts = LocalDateTime.ofInstant(click.eventTs(), ZoneOffset.UTC);
          days.add(ts.toLocalDate());
          appender.beginRow()
              .append(click.eventId()).append(click.eventType());
          nullable(appender, click.userId());
          appender.append(click.sessionId()).append(click.url()).append(click.userAgent()).append(ts).endRow();
        }
      }
      for (LocalDate day : days) {
        String file = directory.resolve("clickstream-" + day + ".parquet").toAbsolutePath().toString();
        statement.execute(COPY_DAY.formatted(day, file.replace("'", "''")));
      }
    } catch (SQLException e) {
      throw new EngineException("cannot write the clickstream files to " + directory + ": " + e.getMessage(), e);
    }
  }

  private static void nullable(DuckDBAppender appender, String value) throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else {
      appender.append(value);
    }
  }
}
