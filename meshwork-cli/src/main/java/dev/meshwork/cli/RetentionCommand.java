package dev.meshwork.cli;

import dev.meshwork.core.spi.RetentionRun;
import dev.meshwork.spec.ProductRef;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh retention run|history}: expire data older than each product's retention, and what was expired. */
@Command(name = "retention", mixinStandardHelpOptions = true,
    description = "Expire data older than each product's retentionDays now, or list the expiries recorded.",
    subcommands = {RetentionCommand.Run.class, RetentionCommand.History.class})
final class RetentionCommand implements Runnable {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = {"Expire the partitions and snapshots older than spec.retentionDays, with their files, of every",
          "published product or of PRODUCT; every run is recorded. Exit 1 when a product's expiry failed."})
  static final class Run implements Callable<Integer> {

    @ParentCommand
    RetentionCommand retention;

    @Parameters(arity = "0..1", paramLabel = "PRODUCT", description = "Only this product, domain.name.")
    String product;

    @Override
    public Integer call() {
      List<RetentionRun> runs;
      try (Connection connection = retention.mesh.connect()) {
        runs = connection.operations().retention(Optional.ofNullable(product).map(ProductRef::parse), RetentionRun.MANUAL);
      }
      PrintWriter out = retention.spec.commandLine().getOut();
      if (retention.mesh.output() == Output.JSON) {
        out.println(Output.json(runs));
      } else if (runs.isEmpty()) {
        out.println(product == null ? "no published product: nothing to expire"
            : product + " was never published: nothing to expire");
      } else {
        out.println(table(runs, false));
        long failed = runs.stream().filter(RetentionRun::failed).count();
        out.println("retention run on " + runs.size() + (runs.size() == 1 ? " product" : " products")
            + (failed == 0 ? "" : ", " + failed + " failed"));
      }
      return runs.stream().anyMatch(RetentionRun::failed) ? ExitCodes.FAILED_CHECK : ExitCodes.OK;
    }
  }

  @Command(name = "history", mixinStandardHelpOptions = true,
      description = "List the retention runs recorded, newest first: after builds, by mesh retention run, scheduled.")
  static final class History implements Callable<Integer> {

    @ParentCommand
    RetentionCommand retention;

    @Parameters(arity = "0..1", paramLabel = "PRODUCT", description = "Only this product's, domain.name.")
    String product;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      List<RetentionRun> runs;
      try (Connection connection = retention.mesh.connect()) {
        runs = connection.operations().retentionHistory(Optional.ofNullable(product).map(ProductRef::parse), limit);
      }
      PrintWriter out = retention.spec.commandLine().getOut();
      if (retention.mesh.output() == Output.JSON) {
        out.println(Output.json(runs));
      } else if (runs.isEmpty()) {
        out.println("no retention runs recorded");
      } else {
        out.println(table(runs, true));
      }
      return ExitCodes.OK;
    }
  }

  /** The runs as a table; with {@code history} also when and what ran each. */
  private static String table(List<RetentionRun> runs, boolean history) {
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("PRODUCT", "CUTOFF", "SNAPSHOTS", "PARTITIONS", "FILES", "ERROR"));
    if (history) {
      header.addAll(0, List.of("AT", "TRIGGER"));
    }
    rows.add(header);
    for (RetentionRun r : runs) {
      List<String> row = new ArrayList<>(List.of(r.product(), Text.when(r.cutoff()), String.valueOf(r.snapshots()),
          String.valueOf(r.partitions()), String.valueOf(r.files()), Text.orDash(r.error())));
      if (history) {
        row.addAll(0, List.of(Text.when(r.at()), r.trigger()));
      }
      rows.add(row);
    }
    return Text.table(rows);
  }
}
