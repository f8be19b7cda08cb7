package dev.meshwork.cli;

import dev.meshwork.core.scaffold.Scaffolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mesh init}: scaffolds a product folder that validates as generated. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Create a data product folder: product.yaml, its transform SQL and a README.",
        "Never overwrites a file."})
final class InitCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "Domain that owns the product.")
  String domain;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "Product name (lowercase).")
  String name;

  @Option(names = "--template", paramLabel = "TEMPLATE", defaultValue = "source-aligned",
      converter = TemplateConverter.class,
      description = "source-aligned, aggregate or consumer-aligned (default: ${DEFAULT-VALUE}).",
      completionCandidates = TemplateConverter.Candidates.class)
  Scaffolder.Template template;

  @Option(names = "--owner", paramLabel = "EMAIL", description = "Owner's email (default: DOMAIN-team@example.com).")
  String owner;

  @Option(names = "--dir", paramLabel = "DIR", description = "Folder to create (default: DOMAIN/NAME).")
  Path dir;

  @Override
  public Integer call() {
    List<Path> written = new Scaffolder().scaffold(new Scaffolder.Request(domain, name, template, owner, dir));
    PrintWriter out = spec.commandLine().getOut();
    out.println("Created " + domain + "." + name + " (" + template + "):");
    written.forEach(file -> out.println("  " + file));
    Path folder = written.get(0).getParent();
    out.println("Next: edit the files, then run 'mesh validate " + folder + "'.");
    out.flush();
    return ExitCodes.OK;
  }
}
