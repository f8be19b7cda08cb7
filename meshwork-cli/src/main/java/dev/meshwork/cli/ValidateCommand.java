package dev.meshwork.cli;

import dev.meshwork.spec.load.Loader;
import dev.meshwork.spec.load.Problem;
import dev.meshwork.spec.validate.Report;
import dev.meshwork.spec.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mesh validate PATH...}: checks specs offline and reports every problem. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check resource files (YAML or JSON, directories recursively) without a platform.",
        "Every problem is reported as file:line:column: field.path: message.",
        "Exit 0 valid (warnings allowed), 1 problems found, 2 usage error or unreadable input."})
final class ValidateCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to check.")
  List<Path> paths;

  @Override
  public Integer call() {
    Report report = Report.of(Loader.fromWorkingDirectory().load(paths), Validator.offline());
    PrintWriter out = spec.commandLine().getOut();
    if (mesh.output() == Output.JSON) {
      out.println(Output.json(json(report)));
    } else {
      report.problems().forEach(out::println);
      out.println(summary(report));
    }
    out.flush();
    return report.valid() ? ExitCodes.OK : ExitCodes.FAILED_CHECK;
  }

  private static String summary(Report report) {
    String counted = count(report.resources().size(), "resource") + " in " + count(report.files(), "file");
    String warnings = report.warnings() == 0 ? "" : ", " + count(report.warnings(), "warning");
    if (report.valid()) {
      return "valid: " + counted + warnings;
    }
    return "invalid: " + count(report.errors(), "error") + warnings + " in " + count(report.files(), "file");
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static Map<String, Object> json(Report report) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("valid", report.valid());
    result.put("files", report.files());
    result.put("resources", report.resources().size());
    result.put("errors", report.errors());
    result.put("warnings", report.warnings());
    result.put("problems", report.problems().stream().map(ValidateCommand::json).toList());
    return result;
  }

  private static Map<String, Object> json(Problem problem) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("severity", problem.severity().name().toLowerCase(Locale.ROOT));
    result.put("file", problem.file());
    result.put("line", problem.line());
    result.put("column", problem.column());
    result.put("path", problem.path());
    result.put("message", problem.message());
    return result;
  }
}
