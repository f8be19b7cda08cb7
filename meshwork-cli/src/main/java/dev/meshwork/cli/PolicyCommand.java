package dev.meshwork.cli;

import dev.meshwork.core.ops.ApplyResult;
import dev.meshwork.core.policy.BuiltinPolicies;
import dev.meshwork.core.policy.PolicyCheck;
import dev.meshwork.core.policy.PolicyEngine;
import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.spec.Policy;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import dev.meshwork.spec.load.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh policy check|install}: governance as code. */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "Check specs against policies offline, or install the built-in policy pack.",
    subcommands = {PolicyCommand.Check.class, PolicyCommand.Install.class, PolicyWaiverCommands.Waive.class,
        PolicyWaiverCommands.Waivers.class, PolicyWaiverCommands.Revoke.class, PolicyWaiverCommands.Results.class})
final class PolicyCommand implements Runnable {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Evaluate the built-in policy pack, the policies under PATH and those under --policies against",
          "every product under PATH, without a platform (for a domain's CI). Exit 0 all pass (warnings allowed),",
          "1 a blocking policy failed, 2 bad input. -o junit writes JUnit XML that CI systems display."})
  static final class Check implements Callable<Integer> {

    @ParentCommand
    PolicyCommand policy;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Spec files or directories.")
    List<Path> paths;

    @Option(names = "--policies", paramLabel = "DIR", description = "More Policy resources, e.g. the company's global ones.")
    List<Path> policies = new ArrayList<>();

    @Override
    public Integer call() {
      Loader loader = Loader.fromWorkingDirectory();
      Loader.Result specs = loader.load(paths);
      List<Problem> problems = new ArrayList<>(specs.problems());
      List<LoadedResource> extra = new ArrayList<>();
      if (!policies.isEmpty()) {
        Loader.Result loaded = loader.load(policies);
        problems.addAll(loaded.problems());
        loaded.resources().stream().filter(l -> l.resource() instanceof Policy).forEach(extra::add);
      }
      PolicyCheck.Report report = PolicyCheck.run(specs.resources(), extra);
      problems.addAll(report.problems());
      List<Problem> errors = problems.stream().filter(Problem::isError).toList();
      if (!errors.isEmpty()) {
        throw new InvalidException("cannot check policies: " + errors.size() + (errors.size() == 1 ? " problem" : " problems")
            + " in the specs or policies", errors);
      }
      PrintWriter out = policy.spec.commandLine().getOut();
      Output format = policy.mesh.output();
      if (format == Output.JSON) {
        out.println(Output.json(json(report)));
      } else if (format == Output.JUNIT) {
        out.print(JUnitReport.of(report));
      } else {
        text(report, out);
      }
      out.flush();
      return report.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILED_CHECK;
    }

    private static void text(PolicyCheck.Report report, PrintWriter out) {
      for (PolicyCheck.Result result : report.results()) {
        if (result.status() == PolicyResult.Outcome.FAILED || result.status() == PolicyResult.Outcome.WARNED) {
          out.println(result.file() + ": " + result.product() + ": " + (result.status() == PolicyResult.Outcome.FAILED ? "" : "warning: ")
              + "policy " + result.policy() + ": " + result.message());
        }
      }
      out.println((report.failed() == 0 ? "passed: " : "failed: ") + report.products() + " products, " + report.policies()
          + " policies, " + report.failed() + " failed, " + report.warned() + " warnings");
    }

    private static Map<String, Object> json(PolicyCheck.Report report) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("passed", report.failed() == 0);
      json.put("products", report.products());
      json.put("policies", report.policies());
      json.put("failed", report.failed());
      json.put("warnings", report.warned());
      json.put("results", report.results());
      return json;
    }
  }

  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Apply the built-in policy pack to the platform (again to update it).")
  static final class Install implements Callable<Integer> {

    @ParentCommand
    PolicyCommand policy;

    @Override
    public Integer call() {
      ApplyResult result;
      try (Connection connection = policy.mesh.connect()) {
        result = connection.operations().apply(BuiltinPolicies.load());
      }
      PrintWriter out = policy.spec.commandLine().getOut();
      for (ApplyResult.Change change : result.changes()) {
        out.println(change.action().name().toLowerCase(java.util.Locale.ROOT) + " " + change.label()
            + " (generation " + change.generation() + ")");
      }
      return ExitCodes.OK;
    }
  }
}
