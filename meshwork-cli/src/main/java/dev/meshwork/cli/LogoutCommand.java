package dev.meshwork.cli;

import dev.meshwork.spec.error.InvalidException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh logout}: forget the stored login; commands run in-process again (unless MESH_URL says otherwise). */
@Command(name = "logout", mixinStandardHelpOptions = true,
    description = "Remove the login mesh login stored (the server's address and the token).")
final class LogoutCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Logins logins = Logins.of(mesh.environment());
    Optional<String> from = logins.file().isPresent() ? readUrl(logins) : Optional.empty();
    boolean removed = logins.delete();
    spec.commandLine().getOut().println(!removed ? "not logged in"
        : "logged out" + from.map(url -> " of " + url).orElse(""));
    return ExitCodes.OK;
  }

  /** The stored server's address; none when the file does not read (it is removed all the same). */
  private static Optional<String> readUrl(Logins logins) {
    try {
      return logins.read().map(Logins.Login::url);
    } catch (InvalidException e) {
      return Optional.empty();
    }
  }
}
