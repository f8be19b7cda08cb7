package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample mesh, from generated sources to every product published, through the CLI. */
class ExamplesBuildIT {

  static EmbeddedPostgres postgres;

  @TempDir
  Path dir;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Test
  void theExampleMeshGeneratesAppliesAndBuildsEndToEnd() throws IOException {
    Path examples = copy(Path.of("..", "examples"), dir.resolve("examples"));
    Map<String, String> env = new HashMap<>();
    env.put("MESH_HOME", dir.resolve("home").toString());
    String server = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";

    Cli generated = Cli.run(env, "examples", "generate", "--dir", examples.toString(), "--postgres", server);
    assertThat(generated.exit()).as(generated.err()).isZero();
    assertThat(generated.out()).contains("export ORDERS_DB_URL='jdbc:postgresql://localhost:" + postgres.getPort() + "/orders'");
    for (String database : new String[] {"ORDERS", "CRM"}) {
      env.put(database + "_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database.toLowerCase());
      env.put(database + "_DB_USER", "postgres");
      env.put(database + "_DB_PASSWORD", "postgres");
    }

    Cli applied = Cli.run(env, "apply", "-f", examples.toString());
    assertThat(applied.exit()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("created DataProduct orders.daily", "created Policy ");

    Cli built = Cli.run(env, "build", "--all");
    assertThat(built.exit()).as(built.out() + built.err()).isZero();
    assertThat(built.out().lines().filter(l -> l.contains(": published snapshot"))).hasSize(8);
    assertThat(built.out().indexOf("customers.profile:")).isLessThan(built.out().indexOf("customers.customer_360:"));

    long orders = Long.parseLong(scalar(env, "SELECT count(*) FROM orders.daily"));
    assertThat(orders).isEqualTo(3000);
    assertThat(Long.parseLong(scalar(env, "SELECT count(*) FROM finance.revenue_by_tenant"))).isPositive();
    assertThat(Cli.run(env, "history", "customers.customer_360").out()).contains("customers.profile@", "orders.daily@");
    assertThat(Cli.run(env, "describe", "orders.daily").out())
        .contains("downstream: product customers.customer_360", "quality 100.0% at the last publish")
        .contains("  README from daily.md, " + Files.readAllLines(examples.resolve("orders/daily.md")).size() + " lines");
    assertThat(Cli.run(env, "search", "revenue").out()).contains("finance.revenue_by_tenant");
    String mugs = Cli.run(env, "search", "mugs").out();
    assertThat(mugs).as("a word only in the README").startsWith("orders.daily  Orders — Daily Summary\n")
        .endsWith("\n    matched: readme\n").hasLineCount(3);
    for (String readme : new String[] {"orders/daily.md", "customers/customer_360.md"}) {
      for (String sql : sqlBlocks(Files.readString(examples.resolve(readme)))) {
        Cli example = Cli.run(env, "query", sql);
        assertThat(example.exit()).as(readme + ": " + sql + "\n" + example.err()).isZero();
      }
    }
  }

  /** The queries of a README's {@code ```sql} blocks. */
  private static List<String> sqlBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher block = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (block.find()) {
      blocks.add(block.group(1).strip());
    }
    assertThat(blocks).isNotEmpty();
    return blocks;
  }

  private static String scalar(Map<String, String> env, String sql) {
    Cli result = Cli.run(env, "query", sql, "-o", "json");
    assertThat(result.exit()).as(result.err()).isZero();
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.out()).get("rows").get(0).elements().next().asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          if (!source.getFileName().toString().equals("data") || !Files.isDirectory(target)) {
            Files.createDirectories(target);
          }
        } else if (!from.relativize(source).toString().contains("/data/")) {
          Files.copy(source, target);
        }
      }
    }
    return to;
  }
}
