package dev.meshwork.cli;

import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.spec.ProductRef;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh build PRODUCT | --all}: write, audit, publish. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = {"Build products: read the inputs, run the transform, write the data on a staging branch,",
        "check the contract and the quality rules, and publish only if every blocking rule passes.",
        "A failed build leaves the previous snapshot serving. Exit 0 all published, 1 a build failed."})
final class BuildCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Target target;

  static final class Target {
    @Parameters(paramLabel = "PRODUCT", description = "The product to build, domain.name (e.g. orders.daily).")
    String product;

    @Option(names = "--all", description = "Build every product, upstream products first.")
    boolean all;
  }

  @Option(names = "--partition", paramLabel = "VALUE", description = "Rebuild one partition (transform.partitionBy).")
  String partition;

  @Option(names = "--from", paramLabel = "VALUE", description = "First partition of a range to rebuild (a backfill).")
  String from;

  @Option(names = "--to", paramLabel = "VALUE", description = "Last partition of the range, included.")
  String to;

  @Option(names = "--full", description = "Replace the whole table, not only the partitions the build writes.")
  boolean full;

  @Override
  public Integer call() {
    ProductRef product = target.all ? null : ProductRef.parse(target.product);
    BuildRequest request = new BuildRequest(product, partition, from, to, full);
    List<BuildRecord> builds;
    boolean live = mesh.output() == Output.TEXT && System.console() != null;
    try (Connection connection = mesh.connect();
         Progress progress = new Progress(spec.commandLine().getErr(), live, Clock.systemUTC())) {
      builds = connection.operations().build(request, progress);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (mesh.output() == Output.JSON) {
      out.println(Output.json(builds));
    } else {
      builds.forEach(build -> out.println(line(build)));
    }
    return builds.stream().allMatch(b -> b.status() == BuildRecord.Status.PUBLISHED) ? ExitCodes.OK : ExitCodes.FAILED_CHECK;
  }

  static String line(BuildRecord build) {
    String took = build.finishedAt() == null ? "" : " in " + Text.elapsed(Duration.between(build.startedAt(), build.finishedAt()));
    if (build.status() == BuildRecord.Status.PUBLISHED) {
      String warning = build.error() == null ? "" : " (" + build.error() + ")";
      long warned = build.quality().stream().filter(r -> !r.passed()).count();
      return build.product() + ": published snapshot " + build.snapshotId() + " (" + String.format("%,d", build.rows())
          + " rows, " + Text.bytes(build.bytes()) + ", quality " + build.qualityScore() + "%"
          + (warned == 0 ? "" : ", " + warned + " rule" + (warned == 1 ? "" : "s") + " warned") + ")" + took + warning;
    }
    return build.product() + ": " + build.status().name().toLowerCase(java.util.Locale.ROOT) + " at " + build.stage()
        + took + "\n  " + String.valueOf(build.error()).replace("\n", "\n  ");
  }
}
