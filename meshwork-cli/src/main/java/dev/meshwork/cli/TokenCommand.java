package dev.meshwork.cli;

import dev.meshwork.core.Platform;
import dev.meshwork.core.identity.IssuedToken;
import dev.meshwork.core.spi.ApiToken;
import dev.meshwork.spec.error.InvalidException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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

/** {@code mesh token create|list|revoke}: API tokens. Secrets are printed once, hashes never. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Issue, list and revoke users' API tokens.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Issue a token for a user and print it once.")
  static final class Create implements Callable<Integer> {

    @ParentCommand
    TokenCommand parent;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "Whose token it is.")
    String user;

    @Option(names = "--expires", paramLabel = "DATE", description = "The day it ends (UTC), e.g. 2026-12-31; default: never.")
    String expires;

    @Override
    public Integer call() {
      Instant expiresAt = null;
      if (expires != null) {
        try {
          expiresAt = LocalDate.parse(expires).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          throw new InvalidException("cannot issue a token: --expires '" + expires + "' is not a date like 2026-12-31");
        }
      }
      IssuedToken issued;
      try (Platform platform = parent.mesh.platform()) {
        issued = platform.identities().issueToken(user, expiresAt);
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      out.println("token " + issued.token().id() + " for user " + user
          + (expiresAt == null ? ", never expires" : ", expires " + expiresAt) + ":");
      out.println(issued.secret());
      out.println("Copy it now: it will not be shown again.");
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens (never their secrets).")
  static final class ListTokens implements Callable<Integer> {

    @ParentCommand
    TokenCommand parent;

    @Option(names = "--user", paramLabel = "NAME", description = "Only this user's.")
    String user;

    @Override
    public Integer call() {
      List<ApiToken> tokens;
      try (Platform platform = parent.mesh.platform()) {
        tokens = platform.identities().tokens(user);
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      if (parent.mesh.output() == Output.JSON) {
        out.println(Output.json(tokens.stream().map(ListTokens::shown).toList()));
        return ExitCodes.OK;
      }
      if (tokens.isEmpty()) {
        out.println("no tokens");
        return ExitCodes.OK;
      }
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("ID", "USER", "CREATED", "EXPIRES", "REVOKED", "LAST USED"));
      for (ApiToken t : tokens) {
        rows.add(List.of(t.id(), t.user(), Text.when(t.createdAt()), Text.when(t.expiresAt()), Text.when(t.revokedAt()),
            Text.when(t.lastUsedAt())));
      }
      out.println(Text.table(rows));
      return ExitCodes.OK;
    }

    /** What is shown of a token: everything but its hash. */
    private static Map<String, Object> shown(ApiToken t) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("id", t.id());
      fields.put("user", t.user());
      fields.put("createdAt", t.createdAt());
      fields.put("expiresAt", t.expiresAt());
      fields.put("revokedAt", t.revokedAt());
      fields.put("lastUsedAt", t.lastUsedAt());
      return fields;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token now.")
  static final class Revoke implements Callable<Integer> {

    @ParentCommand
    TokenCommand parent;

    @Parameters(paramLabel = "ID", description = "The token's id (see mesh token list).")
    String id;

    @Override
    public Integer call() {
      ApiToken token;
      try (Platform platform = parent.mesh.platform()) {
        token = platform.identities().revoke(id);
      }
      parent.spec.commandLine().getOut().println("token " + token.id() + " of user " + token.user() + " revoked at "
          + token.revokedAt());
      return ExitCodes.OK;
    }
  }
}
