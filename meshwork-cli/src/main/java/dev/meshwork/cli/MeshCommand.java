package dev.meshwork.cli;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.ops.Operations;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code mesh} command and the options every subcommand shares. */
@Command(
    name = "mesh",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Meshwork: a self-serve data mesh platform. Describe data products in YAML; "
        + "Meshwork validates, builds, checks and publishes them.",
    subcommands = {InitCommand.class, ValidateCommand.class, ApplyCommand.class, BuildCommand.class,
        StatusCommand.class, DescribeCommand.class, SearchCommand.class, QueryCommand.class, HistoryCommand.class,
        AccessCommand.class,
        RetentionCommand.class, PolicyCommand.class, UserCommand.class, TeamCommand.class, TokenCommand.class,
        AuditCommand.class,
        ServeCommand.class, DemoCommand.class, ExamplesCommand.class, SchemaCommand.class, CompletionCommand.class,
        LoginCommand.class, LogoutCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 a check failed, 2 bad input or usage, 3 internal error.",
        "Resource reference: docs/resources.md"})
public final class MeshCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Platform home (default: $MESH_HOME, else ./.meshwork).")
  Path home;

  @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format of read commands: ${COMPLETION-CANDIDATES} (junit: mesh policy check only; default: ${DEFAULT-VALUE}).")
  Output output;

  @Option(names = "--as", scope = ScopeType.INHERIT, paramLabel = "USER",
      description = "Act as this platform user, with their roles and grants (default: the home's operator, a platform admin).")
  String as;

  private final Map<String, String> environment;
  private final Clock clock;
  private final InputStream input;

  MeshCommand(Map<String, String> environment, Clock clock, InputStream input) {
    this.environment = environment;
    this.clock = clock;
    this.input = input;
  }

  static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** The command line, with the environment it reads ($MESH_HOME, secret references). */
  static CommandLine commandLine(Map<String, String> environment) {
    return commandLine(environment, Clock.systemUTC());
  }

  /** The command line on a clock of its own: the platform's time, e.g. for retention cutoffs (tests move it). */
  static CommandLine commandLine(Map<String, String> environment, Clock clock) {
    return commandLine(environment, clock, System.in);
  }

  /** The command line reading standard input from {@code input} (mesh login's token). */
  static CommandLine commandLine(Map<String, String> environment, Clock clock, InputStream input) {
    CommandLine cli = new CommandLine(new MeshCommand(environment, clock, input));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new Failures());
    cli.setParameterExceptionHandler(new Failures());
    return cli;
  }

  Home home() {
    return Home.locate(home, environment);
  }

  Map<String, String> environment() {
    return environment;
  }

  /** The platform on this command's home, in this process. */
  Platform platform() {
    return platform(home());
  }

  /** The platform on the given home, in this process. */
  Platform platform(Home other) {
    return Platform.open(other, environment, clock);
  }

  Clock clock() {
    return clock;
  }

  /** The platform's operations, acting as the user of {@code --as}, or as the home's operator. */
  Operations operations(Platform platform) {
    return as == null ? platform.operations() : platform.operationsFor(platform.identities().principal(as));
  }

  /**
   * Where this command's operations run: the platform server of $MESH_URL, of the home's running
   * mesh serve or of the stored login, over HTTP; else the home, in this process.
   */
  Connection connect() {
    return Connection.open(this);
  }

  InputStream input() {
    return input;
  }

  Output output() {
    return output;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
