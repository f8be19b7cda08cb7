package dev.meshwork.cli;

import dev.meshwork.core.spi.PolicyResult;
import dev.meshwork.core.spi.Waiver;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.error.InvalidException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mesh policy waive|waivers|revoke-waiver|results}: exceptions to policies, and what was decided. */
final class PolicyWaiverCommands {

  private PolicyWaiverCommands() {}

  @Command(name = "waive", mixinStandardHelpOptions = true,
      description = "Waive a policy for one product until a date, with a justification; the waiver is recorded for good.")
  static final class Waive implements Callable<Integer> {

    @ParentCommand
    PolicyCommand policy;

    @Parameters(index = "0", paramLabel = "POLICY", description = "The policy's name.")
    String name;

    @Parameters(index = "1", paramLabel = "PRODUCT", description = "The product, domain.name.")
    String product;

    @Option(names = "--justification", required = true, paramLabel = "TEXT", description = "Why (at least 10 characters).")
    String justification;

    @Option(names = "--expires", required = true, paramLabel = "DATE", description = "The day it ends (UTC), e.g. 2026-12-31.")
    String expires;

    @Option(names = "--by", paramLabel = "NAME", description = "Who grants it (default: $USER; a server records its caller instead).")
    String by;

    @Override
    public Integer call() {
      LocalDate day;
      try {
        day = LocalDate.parse(expires);
      } catch (DateTimeParseException e) {
        throw new InvalidException("--expires '" + expires + "' is not a date like 2026-12-31");
      }
      String grantedBy = by != null ? by : policy.mesh.environment().getOrDefault("USER", "cli");
      Waiver waiver;
      try (Connection connection = policy.mesh.connect()) {
        waiver = connection.operations().grantWaiver(name, ProductRef.parse(product), justification,
            day.atStartOfDay().toInstant(ZoneOffset.UTC), grantedBy);
      }
      PrintWriter out = policy.spec.commandLine().getOut();
      if (policy.mesh.output() == Output.JSON) {
        out.println(Output.json(waiver));
      } else {
        out.println("waiver " + waiver.id() + ": policy " + waiver.policy() + " waived for " + waiver.resourceId()
            + " until " + waiver.expiresAt());
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "waivers", mixinStandardHelpOptions = true, description = "List the waivers in force (--all: also ended ones).")
  static final class Waivers implements Callable<Integer> {

    @ParentCommand
    PolicyCommand policy;

    @Option(names = "--all", description = "Also expired and revoked waivers.")
    boolean all;

    @Override
    public Integer call() {
      List<Waiver> waivers;
      try (Connection connection = policy.mesh.connect()) {
        waivers = connection.operations().waivers(all);
      }
      PrintWriter out = policy.spec.commandLine().getOut();
      if (policy.mesh.output() == Output.JSON) {
        out.println(Output.json(waivers));
        return ExitCodes.OK;
      }
      if (waivers.isEmpty()) {
        out.println(all ? "no waivers" : "no waivers in force");
        return ExitCodes.OK;
      }
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("ID", "POLICY", "RESOURCE", "GRANTED BY", "EXPIRES", "REVOKED", "JUSTIFICATION"));
      for (Waiver w : waivers) {
        rows.add(List.of(w.id(), w.policy(), w.resourceId(), w.grantedBy(), Text.when(w.expiresAt()), Text.when(w.revokedAt()),
            w.justification()));
      }
      out.println(Text.table(rows));
      return ExitCodes.OK;
    }
  }

  @Command(name = "revoke-waiver", mixinStandardHelpOptions = true, description = "End a waiver now.")
  static final class Revoke implements Callable<Integer> {

    @ParentCommand
    PolicyCommand policy;

    @Parameters(paramLabel = "ID", description = "The waiver's id.")
    String id;

    @Override
    public Integer call() {
      Waiver waiver;
      try (Connection connection = policy.mesh.connect()) {
        waiver = connection.operations().revokeWaiver(id);
      }
      policy.spec.commandLine().getOut().println("waiver " + waiver.id() + " revoked at " + waiver.revokedAt());
      return ExitCodes.OK;
    }
  }

  @Command(name = "results", mixinStandardHelpOptions = true, description = "Policy evaluations recorded, newest first.")
  static final class Results implements Callable<Integer> {

    @ParentCommand
    PolicyCommand policy;

    @Parameters(arity = "0..1", paramLabel = "RESOURCE", description = "Only this resource's, e.g. orders.daily.")
    String resource;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      List<PolicyResult> results;
      try (Connection connection = policy.mesh.connect()) {
        results = connection.operations().policyResults(resource, limit);
      }
      PrintWriter out = policy.spec.commandLine().getOut();
      if (policy.mesh.output() == Output.JSON) {
        out.println(Output.json(results));
        return ExitCodes.OK;
      }
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("AT", "POLICY", "RESOURCE", "EVENT", "OUTCOME", "MESSAGE"));
      for (PolicyResult r : results) {
        rows.add(List.of(Text.when(r.at()), r.policy(), r.resourceId(), r.event(), r.outcome().name().toLowerCase(java.util.Locale.ROOT),
            Text.orDash(r.message())));
      }
      out.println(Text.table(rows));
      return ExitCodes.OK;
    }
  }
}
