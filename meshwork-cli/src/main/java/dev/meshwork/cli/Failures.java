package dev.meshwork.cli;

import dev.meshwork.core.spi.EngineException;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.ConflictException;
import dev.meshwork.spec.error.DeniedException;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.MeshException;
import dev.meshwork.spec.error.NotFoundException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to a message and an exit code, in one place. No stack trace reaches the user
 * unless {@code MESH_DEBUG} is set.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    cli.getErr().println("mesh: " + message(e));
    if (e instanceof InvalidException invalid) {
      invalid.problems().forEach(problem -> cli.getErr().println("  " + problem));
    }
    if (!(e instanceof MeshException) && !(e instanceof EngineException)) {
      if (System.getenv("MESH_DEBUG") != null) {
        e.printStackTrace(cli.getErr());
      } else {
        cli.getErr().println("mesh: this is a bug in Meshwork; run again with MESH_DEBUG=1 to see where it happened");
      }
    }
    return exitCode(e);
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    cli.getErr().println("mesh: " + e.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.getErr())) {
      cli.getErr().println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
    }
    return ExitCodes.BAD_INPUT;
  }

  static int exitCode(Exception e) {
    if (e instanceof InvalidException || e instanceof NotFoundException || e instanceof AlreadyExistsException) {
      return ExitCodes.BAD_INPUT;
    }
    if (e instanceof DeniedException || e instanceof ConflictException) {
      return ExitCodes.FAILED_CHECK;
    }
    return ExitCodes.INTERNAL;
  }

  private static String message(Exception e) {
    if (e instanceof MeshException || e instanceof EngineException) {
      return e.getMessage();
    }
    return "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
