package dev.meshwork.cli;

import dev.meshwork.core.ops.SearchHit;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh search TEXT}: find products by name, title, description, tags, columns, domain, owner. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Find products whose name, title, description, tags, columns, domain or owner match the words given.")
final class SearchCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Words to look for (a word also matches words it starts).")
  List<String> words;

  @Option(names = "--limit", defaultValue = "20", description = "At most this many results (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    List<SearchHit> hits;
    try (Connection connection = mesh.connect()) {
      hits = connection.operations().search(String.join(" ", words), limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (mesh.output() == Output.JSON) {
      out.println(Output.json(hits));
      return ExitCodes.OK;
    }
    if (hits.isEmpty()) {
      out.println("no products match '" + String.join(" ", words) + "'");
    }
    for (SearchHit hit : hits) {
      out.println(hit.product() + "  " + (hit.title() == null ? "" : hit.title()));
      if (hit.description() != null) {
        out.println("    " + hit.description());
      }
      out.println("    matched: " + String.join(", ", hit.matched()));
    }
    return ExitCodes.OK;
  }
}
