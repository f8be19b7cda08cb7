package dev.meshwork.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.examples.ExampleData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Points the sample mesh's two PostgreSQL sources at the embedded H2 databases the demo loads,
 * so that the demo needs no database server: in the copy of the mesh, each source's connection
 * ({@code type: postgres} and its {@code ${env:...}} references) becomes a {@code jdbc} source
 * with the H2 database's URL. Everything else in the files stays as written.
 */
final class DemoSources {

  /** The spec file of each PostgreSQL source, by the database it reads. */
  private static final Map<String, String> FILES = Map.of("orders", "orders/sources.yaml", "crm", "customers/sources.yaml");

  private DemoSources() {}

  static void pointAtH2(Path mesh, Path databases) {
    for (Map.Entry<String, String> entry : FILES.entrySet()) {
      Path file = mesh.resolve(entry.getValue());
      String database = entry.getKey();
      String prefix = database.toUpperCase(Locale.ROOT) + "_DB_";
      String postgres = """
            type: postgres
            url: ${env:%1$sURL}
            user: ${env:%1$sUSER}
            password: ${env:%1$sPASSWORD}
          """.formatted(prefix);
      String h2 = """
            # mesh demo: an embedded H2 database stands in for the PostgreSQL server
            type: jdbc
            url: "%s"
            user: %s
          """.formatted(quoted(ExampleData.h2Url(databases, database)), ExampleData.H2_USER);
      try {
        String text = Files.readString(file, UTF_8);
        if (!text.contains(postgres)) {
          throw new EngineException("cannot set up the demo: " + file + " no longer holds the postgres source of the "
              + database + " database as the demo expects");
        }
        Files.writeString(file, text.replace(postgres, h2), UTF_8);
      } catch (IOException e) {
        throw new EngineException("cannot set up the demo: cannot rewrite " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** The text inside a double-quoted YAML scalar. */
  private static String quoted(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
