package dev.meshwork.cli;

import dev.meshwork.core.access.AccessAsk;
import dev.meshwork.core.access.AccessFilter;
import dev.meshwork.core.ops.Operations;
import dev.meshwork.core.spi.AccessRequest;
import dev.meshwork.spec.ProductRef;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh access request|approve|reject|revoke|list|show}: asking for data, deciding, and the grants. */
@Command(name = "access", mixinStandardHelpOptions = true,
    description = {"Ask to read a product's data, decide on requests, and list requests and grants.",
        "A request is approved at once when the product's access.approval is auto (PII in clear never is),",
        "else by an owner or member of its domain (owner) or a platform admin (governance)."},
    subcommands = {AccessCommand.Request.class, AccessCommand.Approve.class, AccessCommand.Reject.class,
        AccessCommand.Revoke.class, AccessCommand.ListRequests.class, AccessCommand.Show.class})
final class AccessCommand implements Runnable {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs {@code action} on the operations acting as the chosen user, and prints its result. */
  <T> T with(Function<Operations, T> action) {
    try (Connection connection = mesh.connect()) {
      return action.apply(connection.operations());
    }
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Prints one request, as JSON or as a few lines; returns the exit code its state means. */
  int print(AccessRequest request, String verb) {
    if (mesh.output() == Output.JSON) {
      out().println(Output.json(request));
    } else {
      out().println(request.id() + " " + verb + ": " + request.product() + " for " + beneficiary(request) + " — "
          + request.status() + describe(request));
    }
    return request.status() == AccessRequest.Status.REJECTED ? ExitCodes.FAILED_CHECK : ExitCodes.OK;
  }

  private static String describe(AccessRequest request) {
    switch (request.status()) {
      case APPROVED:
        return " by " + request.decidedBy() + ", until " + Text.when(request.expiresAt())
            + (request.pii() ? ", PII in clear" : ", PII masked");
      case PENDING:
        return ", waiting for " + ("governance".equals(request.approval()) ? "a platform admin"
            : "an owner or member of domain " + ProductRef.parse(request.product()).domain());
      case REJECTED:
        return " by " + request.decidedBy() + ": " + request.reason();
      case REVOKED:
      default:
        return " at " + Text.when(request.revokedAt()) + (request.reason() == null ? "" : ": " + request.reason());
    }
  }

  static String beneficiary(AccessRequest request) {
    if (request.forTeam() != null) {
      return "team " + request.forTeam();
    }
    return request.forProduct() != null ? "product " + request.forProduct() : request.requester();
  }

  @Command(name = "request", mixinStandardHelpOptions = true,
      description = {"Ask to read PRODUCT's data. Exit 1 when an access policy rejects the request."})
  static final class Request implements Callable<Integer> {

    @ParentCommand
    AccessCommand access;

    @Parameters(paramLabel = "PRODUCT", description = "The product to read, domain.name.")
    String product;

    @Option(names = "--purpose", required = true, paramLabel = "TEXT", description = "What the data is for.")
    String purpose;

    @Option(names = "--pii", description = "Ask for the PII columns in clear (they are masked otherwise).")
    boolean pii;

    @Option(names = "--until", paramLabel = "DATE",
        description = "Last day of the grant, e.g. 2027-03-31 (default: 90 days from now).")
    LocalDate until;

    @ArgGroup(exclusive = true)
    For target;

    static final class For {
      @Option(names = "--for-team", paramLabel = "TEAM", description = "For every member of this team (yours).")
      String team;

      @Option(names = "--for-product", paramLabel = "PRODUCT",
          description = "For a product of your domain that reads it, domain.name.")
      String product;
    }

    @Override
    public Integer call() {
      AccessAsk ask = new AccessAsk(ProductRef.parse(product), purpose, pii, until,
          target == null ? null : target.team,
          target == null || target.product == null ? null : ProductRef.parse(target.product));
      AccessRequest made = access.with(ops -> ops.requestAccess(ask));
      return access.print(made, "requested");
    }
  }

  @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve a pending request: it becomes a grant.")
  static final class Approve implements Callable<Integer> {

    @ParentCommand
    AccessCommand access;

    @Parameters(paramLabel = "ID", description = "The request, ar-….")
    String id;

    @Option(names = "--note", paramLabel = "TEXT", description = "A note kept with the decision.")
    String note;

    @Override
    public Integer call() {
      return access.print(access.with(ops -> ops.approveAccess(id, note)), "approved");
    }
  }

  @Command(name = "reject", mixinStandardHelpOptions = true, description = "Reject a pending request, saying why.")
  static final class Reject implements Callable<Integer> {

    @ParentCommand
    AccessCommand access;

    @Parameters(paramLabel = "ID", description = "The request, ar-….")
    String id;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is rejected.")
    String reason;

    @Override
    public Integer call() {
      access.print(access.with(ops -> ops.rejectAccess(id, reason)), "rejected");
      return ExitCodes.OK;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Withdraw a grant: its holder gives it up, or an owner, member or admin takes it back.")
  static final class Revoke implements Callable<Integer> {

    @ParentCommand
    AccessCommand access;

    @Parameters(paramLabel = "ID", description = "The grant, ar-….")
    String id;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why it is withdrawn.")
    String reason;

    @Override
    public Integer call() {
      return access.print(access.with(ops -> ops.revokeAccess(id, reason)), "revoked");
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one access request.")
  static final class Show implements Callable<Integer> {

    @ParentCommand
    AccessCommand access;

    @Parameters(paramLabel = "ID", description = "The request, ar-….")
    String id;

    @Override
    public Integer call() {
      access.print(access.with(ops -> ops.accessRequest(id)), "is");
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"List the access requests you may see, newest first: your own, and those on your domains'",
          "products (all of them for a platform admin)."})
  static final class ListRequests implements Callable<Integer> {

    @ParentCommand
    AccessCommand access;

    @Option(names = "--product", paramLabel = "PRODUCT", description = "Only this product's, domain.name.")
    String product;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only pending, approved, rejected or revoked ones.")
    String status;

    @Option(names = "--mine", description = "Only your own requests.")
    boolean mine;

    @Option(names = "--to-decide", description = "Only pending requests waiting for your decision.")
    boolean toDecide;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      AccessRequest.Status wanted = status == null ? null : status(status);
      AccessFilter.View view = toDecide ? AccessFilter.View.TO_DECIDE : mine ? AccessFilter.View.MINE : AccessFilter.View.VISIBLE;
      List<AccessRequest> requests = access.with(ops -> ops.accessRequests(new AccessFilter(
          product == null ? null : ProductRef.parse(product), wanted, view, limit)));
      PrintWriter out = access.out();
      if (access.mesh.output() == Output.JSON) {
        out.println(Output.json(requests));
      } else if (requests.isEmpty()) {
        out.println("no access requests");
      } else {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ID", "PRODUCT", "FOR", "PII", "STATUS", "REQUESTED", "DECIDED BY", "UNTIL", "PURPOSE"));
        for (AccessRequest r : requests) {
          rows.add(List.of(r.id(), r.product(), beneficiary(r), r.pii() ? "yes" : "no", r.status().toString(),
              Text.when(r.requestedAt()), Text.orDash(r.decidedBy()), Text.when(r.expiresAt()), r.purpose()));
        }
        out.println(Text.table(rows));
      }
      return ExitCodes.OK;
    }

    private static AccessRequest.Status status(String value) {
      for (AccessRequest.Status each : AccessRequest.Status.values()) {
        if (each.toString().equalsIgnoreCase(value)) {
          return each;
        }
      }
      throw new dev.meshwork.spec.error.InvalidException("cannot list the access requests: --status '" + value
          + "' is not one of pending, approved, rejected, revoked");
    }
  }
}
