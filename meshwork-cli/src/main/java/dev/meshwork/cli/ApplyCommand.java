package dev.meshwork.cli;

import dev.meshwork.core.ops.ApplyResult;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.load.Loader;
import dev.meshwork.spec.load.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh apply -f PATH}: validates resources against the platform and stores them, all or none. */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = {"Register or update domains, sources, products and policies on the platform.",
        "Everything is validated first, against the files and what the platform holds; if anything is",
        "invalid nothing is applied. SQL files are read now: what was applied is what builds."})
final class ApplyCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Option(names = {"-f", "--file"}, required = true, arity = "1..*", paramLabel = "PATH",
      description = "Files or directories of resources (YAML or JSON).")
  List<Path> paths;

  @Override
  public Integer call() {
    Loader.Result loaded = Loader.fromWorkingDirectory().load(paths);
    List<Problem> errors = loaded.problems().stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw new InvalidException("nothing was applied: " + errors.size() + (errors.size() == 1 ? " problem" : " problems")
          + " found", errors);
    }
    ApplyResult result;
    try (Connection connection = mesh.connect()) {
      result = connection.operations().apply(loaded.resources());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (mesh.output() == Output.JSON) {
      out.println(Output.json(Map.of("changes", result.changes(), "warnings", result.warnings().stream().map(Problem::toString).toList())));
      return ExitCodes.OK;
    }
    result.warnings().forEach(out::println);
    for (ApplyResult.Change change : result.changes()) {
      out.println(change.action().name().toLowerCase(java.util.Locale.ROOT) + " " + change.label()
          + " (generation " + change.generation() + ")");
    }
    long created = count(result, ApplyResult.Action.CREATED);
    long updated = count(result, ApplyResult.Action.UPDATED);
    long unchanged = count(result, ApplyResult.Action.UNCHANGED);
    out.println("applied " + result.changes().size() + " resources: " + created + " created, " + updated + " updated, "
        + unchanged + " unchanged");
    return ExitCodes.OK;
  }

  private static long count(ApplyResult result, ApplyResult.Action action) {
    return result.changes().stream().filter(c -> c.action() == action).count();
  }
}
