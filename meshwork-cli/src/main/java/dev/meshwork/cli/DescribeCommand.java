package dev.meshwork.cli;

import dev.meshwork.core.ops.ProductDescription;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.spec.Column;
import dev.meshwork.spec.DataProduct;
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

/** {@code mesh describe PRODUCT}: the contract, the published state, the last audit, the lineage. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = "Show a product: its contract, where its table lives, what is published, the last quality results and its lineage.")
final class DescribeCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "PRODUCT", description = "The product, domain.name.")
  String product;

  @Override
  public Integer call() {
    ProductDescription d;
    try (Connection connection = mesh.connect()) {
      d = connection.operations().describe(ProductRef.parse(product));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (mesh.output() == Output.JSON) {
      out.println(Output.json(d));
      return ExitCodes.OK;
    }
    DataProduct p = d.product();
    out.println(p.ref() + "  " + Text.orDash(p.metadata().title()));
    out.println("  version " + p.spec().version() + ", " + p.spec().classification() + (p.spec().containsPII() ? ", contains PII" : "")
        + ", owner " + p.metadata().owner() + ", retention " + p.spec().retentionDays() + " days");
    if (p.metadata().description() != null) {
      out.println("  " + p.metadata().description());
    }
    if (p.spec().readme() != null) {
      out.println("  README " + (p.spec().readmeFile() == null ? "inline" : "from " + p.spec().readmeFile()) + ", "
          + p.spec().readme().lines().count() + " lines (shown on the catalog page and by -o json)");
    }
    out.println("  applied " + Text.when(d.appliedAt()) + " (generation " + d.generation() + ")");
    out.println("  table " + Text.orDash(d.location()));
    out.println();
    List<List<String>> schema = new ArrayList<>();
    schema.add(List.of("COLUMN", "TYPE", "CONSTRAINTS", "DESCRIPTION"));
    for (Column c : p.spec().schema()) {
      List<String> constraints = new ArrayList<>();
      if (c.primaryKey()) {
        constraints.add("primary key");
      }
      if (c.required()) {
        constraints.add("required");
      }
      if (c.unique()) {
        constraints.add("unique");
      }
      if (c.pii()) {
        constraints.add("pii:" + c.protection());
      }
      if (!c.enumValues().isEmpty()) {
        constraints.add("one of " + String.join("|", c.enumValues()));
      }
      schema.add(List.of(c.name(), c.type().toString(), String.join(", ", constraints), Text.orDash(c.description())));
    }
    out.println(Text.table(schema));
    out.println();
    out.println("published: " + (d.status().snapshotId() == null ? "never"
        : "snapshot " + d.status().snapshotId() + ", " + String.format("%,d", d.status().rows()) + " rows, at "
            + Text.when(d.status().publishedAt())));
    BuildRecord last = d.lastPublish();
    if (last != null) {
      out.println("quality " + last.qualityScore() + "% at the last publish:");
      List<List<String>> rules = new ArrayList<>();
      rules.add(List.of("RULE", "SEVERITY", "RESULT", "MEASURED", "THRESHOLD"));
      for (BuildRecord.RuleResult r : last.quality()) {
        rules.add(List.of(r.rule(), r.severity(), r.passed() ? "pass" : "FAIL", r.measured(), r.threshold()));
      }
      out.println(Text.table(rules));
    }
    out.println();
    out.println("upstream: " + (d.upstream().isEmpty() ? "none" : String.join(", ", d.upstream())));
    out.println("downstream: " + (d.downstream().isEmpty() ? "none" : String.join(", ", d.downstream())));
    return ExitCodes.OK;
  }
}
