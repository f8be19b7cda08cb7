package dev.meshwork.cli;

import dev.meshwork.core.spi.AuditEntry;
import dev.meshwork.core.spi.AuditFilter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh audit}: the platform's audit log, newest first, filtered. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"List the audit log, newest first: who applied, built, published, read, asked for or decided",
        "access, waived, expired and authenticated, and what the policies decided. It is only ever appended to."})
final class AuditCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Option(names = "--actor", paramLabel = "NAME",
      description = "Only this actor's: a user, local (this home's operator), auto, policy, scheduler or anonymous.")
  String actor;

  @Option(names = "--action", paramLabel = "ACTION",
      description = "Only this action, or this family: access picks access.request, access.approve, ...")
  String action;

  @Option(names = "--resource", paramLabel = "ID", description = "Only entries on this resource, e.g. shop.sales.")
  String resource;

  @Option(names = "--since", paramLabel = "TIME",
      description = "Only entries at or after this time (2026-11-20T06:00:00Z) or day (2026-11-20, UTC).")
  String since;

  @Option(names = "--until", paramLabel = "TIME", description = "Only entries before this time or day.")
  String until;

  @Option(names = "--limit", defaultValue = "100", paramLabel = "N",
      description = "At most this many (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    AuditFilter filter = new AuditFilter(actor, action, resource, AuditFilter.time(since, "--since"),
        AuditFilter.time(until, "--until"), limit);
    List<AuditEntry> entries;
    try (Connection connection = mesh.connect()) {
      entries = connection.operations().audit(filter);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (mesh.output() == Output.JSON) {
      out.println(Output.json(entries));
    } else if (entries.isEmpty()) {
      out.println("no audit entries");
    } else {
      out.println(table(entries));
    }
    return ExitCodes.OK;
  }

  private static String table(List<AuditEntry> entries) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("AT", "ACTOR", "ACTION", "RESOURCE", "OUTCOME", "ROWS", "DETAILS"));
    for (AuditEntry e : entries) {
      rows.add(List.of(Text.when(e.at()), e.actor(), e.action(),
          e.resourceId() == null ? "-" : e.resourceKind() + " " + e.resourceId(), e.outcome(), Text.orDash(e.rows()),
          Text.orDash(e.details())));
    }
    return Text.table(rows);
  }
}
