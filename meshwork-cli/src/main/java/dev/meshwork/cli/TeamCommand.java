package dev.meshwork.cli;

import dev.meshwork.core.Platform;
import dev.meshwork.core.spi.Team;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh team create|list}: groups of users. */
@Command(name = "team", mixinStandardHelpOptions = true, description = "Create and list teams of users.",
    subcommands = {TeamCommand.Create.class, TeamCommand.ListTeams.class})
final class TeamCommand implements Runnable {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a team.")
  static final class Create implements Callable<Integer> {

    @ParentCommand
    TeamCommand parent;

    @Parameters(paramLabel = "NAME", description = "The team's name: lowercase letters, digits, '-' and '_'.")
    String name;

    @Override
    public Integer call() {
      Team team;
      try (Platform platform = parent.mesh.platform()) {
        team = platform.identities().createTeam(name);
      }
      parent.spec.commandLine().getOut().println("created team " + team.name());
      return ExitCodes.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the teams.")
  static final class ListTeams implements Callable<Integer> {

    @ParentCommand
    TeamCommand parent;

    @Override
    public Integer call() {
      List<Team> teams;
      try (Platform platform = parent.mesh.platform()) {
        teams = platform.identities().teams();
      }
      PrintWriter out = parent.spec.commandLine().getOut();
      if (parent.mesh.output() == Output.JSON) {
        out.println(Output.json(teams));
        return ExitCodes.OK;
      }
      if (teams.isEmpty()) {
        out.println("no teams");
        return ExitCodes.OK;
      }
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("NAME", "CREATED"));
      for (Team t : teams) {
        rows.add(List.of(t.name(), Text.when(t.createdAt())));
      }
      out.println(Text.table(rows));
      return ExitCodes.OK;
    }
  }
}
