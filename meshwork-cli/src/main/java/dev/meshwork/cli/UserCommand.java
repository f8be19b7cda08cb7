package dev.meshwork.cli;

import dev.meshwork.core.Platform;
import dev.meshwork.core.spi.User;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh user create|list}: the people who use the platform. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Create and list the platform's users.",
    subcommands = {UserCommand.Create.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a user.")
  static final class Create implements Callable<Integer> {

    @ParentCommand
    UserCommand parent;

    @Parameters(paramLabel = "NAME", description = "The user's name: lowercase letters, digits, '-' and '_'.")
    String name;

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Their email address.")
    String email;

    @Option(names = "--team", paramLabel = "TEAM", description = "The team they belong to (it must exist).")
    String team;

    @Option(names = "--admin", description = "Make them a platform admin.")
    boolean admin;

    @Override
    public Integer call() {
      User user;
      try (Platform platform = parent.mesh.platform()) {
        user = platform.identities().createUser(name, email, team, admin);
      }
      parent.spec.commandLine().getOut().println("created user " + user.name() + " <" + user.email() + ">"
          + (user.team() == null ? "" : " in team " + user.team()) + (user.admin() ? ", platform admin" : ""));
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users.")
  static final class ListUsers implements Callable<Integer> {

    @ParentCommand
    UserCommand parent;

    @Override
    public Integer call() {
      List<User> users;
      try (Platform platform = parent.mesh.platform()) {
        users = platform.identities().users();
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      if (parent.mesh.output() == Output.JSON) {
        out.println(Output.json(users));
        return ExitCodes.OK;
      }
      if (users.isEmpty()) {
        out.println("no users");
        return ExitCodes.OK;
      }
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("NAME", "EMAIL", "TEAM", "ADMIN", "CREATED"));
      for (User u : users) {
        rows.add(List.of(u.name(), u.email(), Text.orDash(u.team()), u.admin() ? "yes" : "no", Text.when(u.createdAt())));
      }
      out.println(Text.table(rows));
      return ExitCodes.OK;
    }
  }
}
