package dev.meshwork.cli;

import dev.meshwork.core.ops.ProductStatus;
import dev.meshwork.spec.ProductRef;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh status [PRODUCT]}: what consumers read now, and how the last build went. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show every product (or one): its version, the published snapshot, rows, quality and its last build.")
final class StatusCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "PRODUCT", description = "One product, domain.name.")
  String product;

  @Override
  public Integer call() {
    List<ProductStatus> statuses;
    try (Connection connection = mesh.connect()) {
      statuses = connection.operations().status(product == null ? null : ProductRef.parse(product));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (mesh.output() == Output.JSON) {
      out.println(Output.json(statuses));
      return ExitCodes.OK;
    }
    if (statuses.isEmpty()) {
      out.println("no products yet: apply some with mesh apply -f DIR");
      return ExitCodes.OK;
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("PRODUCT", "VERSION", "SNAPSHOT", "ROWS", "PUBLISHED", "QUALITY", "LAST BUILD"));
    for (ProductStatus s : statuses) {
      rows.add(List.of(s.product(), s.version(), Text.orDash(s.snapshotId()),
          s.rows() == null ? "-" : String.format("%,d", s.rows()), Text.when(s.publishedAt()),
          s.qualityScore() == null ? "-" : s.qualityScore() + "%",
          s.lastBuildStatus() == null ? "never built" : s.lastBuildStatus().name().toLowerCase(java.util.Locale.ROOT)
              + " " + Text.when(s.lastBuildAt())));
    }
    out.println(Text.table(rows));
    for (ProductStatus s : statuses) {
      if (s.lastError() != null && product != null) {
        out.println();
        out.println("last error: " + s.lastError());
      }
    }
    return ExitCodes.OK;
  }
}
