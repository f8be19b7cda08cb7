package dev.meshwork.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code mesh} in-process the way a user would, capturing what it prints. */
record Cli(int exit, String out, String err) {

  static Cli run(String... args) {
    return run(System.getenv(), args);
  }

  /** Runs with this environment instead of the process's ($MESH_HOME, secret references). */
  static Cli run(java.util.Map<String, String> environment, String... args) {
    return run(environment, java.time.Clock.systemUTC(), args);
  }

  /** Runs with this environment on this clock (the platform's time, e.g. for retention cutoffs). */
  static Cli run(java.util.Map<String, String> environment, java.time.Clock clock, String... args) {
    return execute(environment, clock, System.in, args);
  }

  /** Runs with this environment, reading {@code input} as standard input (mesh login's token). */
  static Cli runWithInput(java.util.Map<String, String> environment, String input, String... args) {
    return execute(environment, java.time.Clock.systemUTC(),
        new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)), args);
  }

  private static Cli execute(java.util.Map<String, String> environment, java.time.Clock clock, java.io.InputStream input,
                             String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = MeshCommand.commandLine(environment, clock, input);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Cli(exit, out.toString(), err.toString());
  }
}
