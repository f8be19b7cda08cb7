package dev.meshwork.cli;

import picocli.CommandLine;

/** Entry point of the {@code mesh} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs {@code mesh} with these arguments and returns the exit code. */
  public static int run(String... args) {
    return MeshCommand.commandLine().execute(args);
  }
}
