package dev.meshwork.cli;

import dev.meshwork.examples.ExampleData;
import dev.meshwork.examples.PostgresUrls;
import dev.meshwork.spec.error.InvalidException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh examples generate}: the sample mesh's source data, files and PostgreSQL. */
@Command(name = "examples", mixinStandardHelpOptions = true,
    description = "Work with the sample mesh in examples/.",
    subcommands = ExamplesCommand.Generate.class)
final class ExamplesCommand implements Runnable {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = {"Generate the sample mesh's source data: the files its file sources read and, with",
          "--postgres, the orders and crm databases on a PostgreSQL server. The same --seed gives the",
          "same data; generating again replaces it. Build soon after: timestamps end now."})
  static final class Generate implements Callable<Integer> {

    @ParentCommand
    ExamplesCommand examples;

    @Option(names = "--dir", defaultValue = "examples", paramLabel = "DIR",
        description = "The sample mesh's folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--orders", defaultValue = "3000", paramLabel = "N",
        description = "How many orders; everything else grows with it (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: a fixed one).")
    Long seed;

    @Option(names = "--postgres", paramLabel = "JDBC_URL",
        description = "A PostgreSQL server to load, e.g. jdbc:postgresql://localhost:5432/postgres.")
    String postgres;

    @Option(names = "--user", defaultValue = "postgres", description = "PostgreSQL user (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
        description = "Environment variable holding the PostgreSQL password.")
    String passwordEnv;

    @Override
    public Integer call() {
      ExampleData.Scale scale = new ExampleData.Scale(orders, seed == null ? ExampleData.Scale.DEFAULT_SEED : seed);
      Instant now = Instant.now();
      PrintWriter out = examples.spec.commandLine().getOut();
      ExampleData.writeFiles(dir, scale, now);
      out.println("wrote the file sources' data under " + dir.toAbsolutePath().normalize());
      if (postgres == null) {
        out.println("skipped PostgreSQL: give --postgres JDBC_URL to load the orders and crm databases");
        return ExitCodes.OK;
      }
      String password = null;
      if (passwordEnv != null) {
        password = examples.mesh.environment().get(passwordEnv);
        if (password == null) {
          throw new InvalidException("environment variable " + passwordEnv + " (--password-env) is not set");
        }
      }
      ExampleData.loadPostgres(postgres, user, password, dir, scale, now);
      out.println("loaded the orders and crm databases; point the sources at them with:");
      for (String database : new String[] {"orders", "crm"}) {
        String prefix = database.toUpperCase(java.util.Locale.ROOT);
        out.println("  export " + prefix + "_DB_URL='" + PostgresUrls.withDatabase(postgres, database) + "' " + prefix
            + "_DB_USER='" + user + "' " + prefix + "_DB_PASSWORD=" + (passwordEnv == null ? "''" : "\"$" + passwordEnv + "\""));
      }
      return ExitCodes.OK;
    }
  }
}
