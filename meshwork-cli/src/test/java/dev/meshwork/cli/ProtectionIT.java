package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.keys.KeyStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PII columns land hashed, masked or encrypted; encrypted keys still join; the files are read directly. */
class ProtectionIT {

  private static final String MASTER = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  private static final String CRM = """
      apiVersion: meshwork/v1
      kind: Source
      metadata: {name: crm-files, domain: shop}
      spec: {type: files, path: "data/{table}/*.csv", format: csv}
      ---
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: customers, domain: shop, owner: shop-team@example.com}
      spec:
        version: 1.0.0
        classification: CONFIDENTIAL
        containsPII: true
        retentionDays: 30
        inputs: [{name: crm, source: crm-files, tables: [customers]}]
        transform: {sql: "SELECT CAST(id AS BIGINT) AS id, email, email AS email_hash, email AS email_masked, CAST(card AS VARCHAR) AS card FROM crm.customers"}
        schema:
          - {name: id, type: int64, required: true}
          - {name: email, type: string, unique: true, pii: true, protection: encrypt}
          - {name: email_hash, type: string, pii: true, protection: hash}
          - {name: email_masked, type: string, pii: true, protection: mask}
          - {name: card, type: string, pii: true, protection: mask}
      ---
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: orders, domain: shop, owner: shop-team@example.com}
      spec:
        version: 1.0.0
        classification: CONFIDENTIAL
        containsPII: true
        retentionDays: 30
        inputs: [{name: crm, source: crm-files, tables: [orders]}]
        transform: {sql: "SELECT CAST(order_id AS BIGINT) AS order_id, email, email AS clear_email FROM crm.orders"}
        schema:
          - {name: order_id, type: int64, required: true}
          - {name: email, type: string, pii: true, protection: encrypt}
          - {name: clear_email, type: string}
      """;

  @TempDir
  Path dir;

  TestMesh mesh;

  @BeforeEach
  void setUp() {
    mesh = new TestMesh(dir);
    mesh.env.put("MESH_MASTER_KEY", MASTER);
    mesh.write("specs/crm.yaml", CRM);
    mesh.write("specs/data/customers/customers.csv", """
        id,email,card
        1,ana@example.com,4111111111111111
        2,li@example.com,5500000000000004
        3,bo@example.com,
        """);
    mesh.write("specs/data/orders/orders.csv", """
        order_id,email
        10,ana@example.com
        11,ana@example.com
        12,bo@example.com
        13,zed@example.com
        14,
        """);
  }

  @Test
  void protectedColumnsLandProtectedAndEncryptedKeysStillJoin() throws Exception {
    assertThat(mesh.apply().exit()).isZero();
    for (String product : List.of("shop.customers", "shop.orders")) {
      Cli built = mesh.mesh("build", product);
      assertThat(built.exit()).as(built.out() + built.err()).isZero();
      assertThat(built.err()).contains(product + " protect");
    }
    KeyStore keys = new KeyStore(dir.resolve("home/keys"), mesh.env);
    String salt = keys.saltHex("shop");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      List<List<String>> customers = rows(duck, "SELECT id, email, email_hash, email_masked, card FROM "
          + files("customers") + " ORDER BY id");
      assertThat(customers).extracting(r -> r.get(0)).containsExactly("1", "2", "3");
      List<String> clear = List.of("ana@example.com", "li@example.com", "bo@example.com");
      for (int i = 0; i < 3; i++) {
        List<String> row = customers.get(i);
        assertThat(row.get(1)).isNotEqualTo(clear.get(i)).doesNotContain("@");
        assertThat(keys.decrypt("shop", row.get(1))).isEqualTo(clear.get(i));
        assertThat(row.get(2)).matches("[0-9a-f]{64}").isEqualTo(sha256(salt + clear.get(i)));
      }
      assertThat(customers).extracting(r -> r.get(3)).containsExactly("a**@example.com", "l*@example.com", "b*@example.com");
      assertThat(customers).extracting(r -> r.get(4)).containsExactly("************1111", "************0004", null);

      String onCiphertext = "SELECT c.id, o.order_id FROM " + files("customers") + " c JOIN " + files("orders")
          + " o ON c.email = o.email ORDER BY 1, 2";
      String onClearKey = "SELECT c.id, o.order_id FROM read_csv('" + dir.resolve("specs/data/customers/customers.csv")
          + "') c JOIN " + files("orders") + " o ON c.email = o.clear_email ORDER BY 1, 2";
      assertThat(rows(duck, onCiphertext)).isEqualTo(rows(duck, onClearKey))
          .containsExactly(List.of("1", "10"), List.of("1", "11"), List.of("3", "12"));
      assertThat(rows(duck, "SELECT count(*) FROM " + files("orders") + " WHERE email IS NULL"))
          .containsExactly(List.of("1"));
    }
    assertThat(dir.resolve("home/keys/master.key")).doesNotExist();
    assertThat(dir.resolve("home/keys/shop.keyset.json")).exists();
  }

  @Test
  void encryptingAColumnThatIsNotTextIsRefused() {
    mesh.write("specs/crm.yaml", CRM.replace("- {name: id, type: int64, required: true}",
        "- {name: id, type: int64, required: true, pii: true, protection: encrypt}"));
    assertThat(mesh.apply().exit()).isZero();
    Cli failed = mesh.mesh("build", "shop.customers");
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.out() + failed.err())
        .contains("column id of shop.customers is int64: encrypt needs a string column; cast it in the SQL");
  }

  /** The Parquet files of a product's table, straight from the lake. */
  private String files(String product) throws IOException {
    try (Stream<Path> paths = Files.walk(dir.resolve("home/lake/shop/" + product + "/data"))) {
      List<String> parquet = paths.filter(p -> p.toString().endsWith(".parquet")).map(p -> "'" + p + "'").toList();
      assertThat(parquet).isNotEmpty();
      return "read_parquet([" + String.join(", ", parquet) + "])";
    }
  }

  private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int width = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          row.add(result.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static String sha256(String text) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
