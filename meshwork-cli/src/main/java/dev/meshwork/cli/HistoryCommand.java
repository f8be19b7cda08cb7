package dev.meshwork.cli;

import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.spec.ProductRef;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh history PRODUCT}: the product's publishes, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "List a product's publishes: version, snapshot, rows, size, duration, quality and the input snapshots read.")
final class HistoryCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PRODUCT", description = "The product, domain.name.")
  String product;

  @Option(names = "--limit", defaultValue = "20", description = "How many publishes (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    List<BuildRecord> history;
    try (Connection connection = mesh.connect()) {
      history = connection.operations().history(ProductRef.parse(product), limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (mesh.output() == Output.JSON) {
      out.println(Output.json(history));
      return ExitCodes.OK;
    }
    if (history.isEmpty()) {
      out.println(product + " was never published");
      return ExitCodes.OK;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("PUBLISHED", "VERSION", "SNAPSHOT", "SCOPE", "ROWS", "SIZE", "TOOK", "QUALITY", "INPUTS"));
    for (BuildRecord b : history) {
      rows.add(List.of(Text.when(b.finishedAt()), b.version(), String.valueOf(b.snapshotId()), b.scope(),
          String.format("%,d", b.rows()), Text.bytes(b.bytes()), Text.elapsed(Duration.between(b.startedAt(), b.finishedAt())),
          b.qualityScore() + "%", inputs(b)));
    }
    out.println(Text.table(rows));
    return ExitCodes.OK;
  }

  private static String inputs(BuildRecord build) {
    return build.inputs().stream().map(i -> i.product() != null ? i.product() + "@" + i.snapshotId()
        : i.source() + "." + i.table()).collect(Collectors.joining(", "));
  }
}
