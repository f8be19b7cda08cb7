package dev.meshwork.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.build.PiiSql;
import dev.meshwork.core.spi.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PII expressions the builder runs, evaluated by DuckDB. */
class PiiSqlTest {

  @TempDir
  Path dir;

  private DuckDbEngine engine;
  private Workspace workspace;

  @BeforeEach
  void open() {
    engine = new DuckDbEngine(1, "256MB", dir);
    workspace = engine.open();
  }

  @AfterEach
  void close() {
    workspace.close();
    engine.close();
  }

  private Object masked(String literal) {
    return workspace.query("SELECT " + PiiSql.mask(literal), 1).single();
  }

  @Test
  void emailsKeepTheirFirstCharacterAndDomain() {
    assertThat(masked("'john@example.com'")).isEqualTo("j***@example.com");
    assertThat(masked("'ana.maria@shop.example'")).isEqualTo("a********@shop.example");
    assertThat(masked("'j@example.com'")).isEqualTo("*@example.com");
  }

  @Test
  void otherTextKeepsItsLastFourCharacters() {
    assertThat(masked("'12345678'")).isEqualTo("****5678");
    assertThat(masked("'+44 20 7946 0958'")).isEqualTo("************0958");
    assertThat(masked("'12345'")).isEqualTo("*2345");
    assertThat(masked("'not@an@email'")).isEqualTo("********mail");
  }

  @Test
  void shortTextIsAllStarsAndNullStaysNull() {
    assertThat(masked("'1234'")).isEqualTo("****");
    assertThat(masked("'ab'")).isEqualTo("**");
    assertThat(masked("''")).isEqualTo("");
    assertThat(masked("CAST(NULL AS VARCHAR)")).isNull();
  }

  @Test
  void theHashIsSha256OfTheSaltTextAndTheValue() throws NoSuchAlgorithmException {
    String salt = "ab".repeat(32);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest((salt + "ana@example.com").getBytes(StandardCharsets.UTF_8));
    assertThat(workspace.query("SELECT " + PiiSql.hash("'ana@example.com'", "'" + salt + "'"), 1).single())
        .isEqualTo(HexFormat.of().formatHex(digest));
    assertThat(workspace.query("SELECT " + PiiSql.hash("CAST(NULL AS VARCHAR)", "'" + salt + "'"), 1).single()).isNull();
  }
}
