package dev.meshwork.duckdb;

import dev.meshwork.core.spi.Engine;
import dev.meshwork.core.spi.EngineException;
import dev.meshwork.core.spi.Workspace;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.duckdb.DuckDBConnection;

/**
 * The engine on embedded DuckDB: each workspace is a fresh in-memory database of its own, with
 * {@code threads} and {@code memoryLimit} (0 and null: DuckDB's defaults) and spilling to a
 * directory of its own below {@code temp}.
 */
public final class DuckDbEngine implements Engine {

  private final int threads;
  private final String memoryLimit;
  private final Path temp;

  public DuckDbEngine(int threads, String memoryLimit, Path temp) {
    this.threads = threads;
    this.memoryLimit = memoryLimit;
    this.temp = temp != null ? temp : Path.of(System.getProperty("java.io.tmpdir"));
  }

  @Override
  public Workspace open() {
    Properties properties = new Properties();
    properties.setProperty("autoinstall_known_extensions", "false");
    Path spill = temp.resolve("duckdb-" + UUID.randomUUID());
    DuckDbWorkspace workspace = null;
    try {
      workspace = new DuckDbWorkspace((DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", properties), temp, spill);
      workspace.execute("SET TimeZone = 'UTC'");
      workspace.execute("SET temp_directory = " + Sql.literal(spill.toString()));
      if (threads > 0) {
        workspace.execute("SET threads = " + threads);
      }
      if (memoryLimit != null) {
        workspace.execute("SET memory_limit = " + Sql.literal(memoryLimit));
      }
      return workspace;
    } catch (SQLException e) {
      if (workspace != null) {
        workspace.close();
      }
      throw new EngineException("cannot open a DuckDB workspace: " + Sql.message(e), e);
    }
  }
}
