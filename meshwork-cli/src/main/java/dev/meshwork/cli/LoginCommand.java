package dev.meshwork.cli;

import dev.meshwork.client.RemoteOperations;
import dev.meshwork.core.identity.Principal;
import dev.meshwork.spec.error.InvalidException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh login}: check a token against a server and keep both for the next commands. */
@Command(name = "login", mixinStandardHelpOptions = true,
    description = {"Check an API token against a platform server and store the server's address and the token",
        "(in $XDG_CONFIG_HOME/meshwork/login.json, else ~/.config/meshwork/login.json, owner-only).",
        "Commands then run on that server until mesh logout. Without --token the token is read from",
        "standard input (prompted for, unechoed, on a terminal)."})
final class LoginCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Option(names = "--url", paramLabel = "URL",
      description = "The server, e.g. http://mesh.example.com:7420 (default: $MESH_URL, else the server serving the home).")
  String url;

  @Option(names = "--token", paramLabel = "TOKEN",
      description = "The API token, mw_... (default: read from standard input, which keeps it out of the shell's history).")
  String token;

  @Override
  public Integer call() throws IOException {
    String address = url != null ? url : mesh.environment().get(RemoteTarget.URL_ENV);
    if (address == null || address.isBlank()) {
      address = ServeFile.live(mesh.home()).orElseThrow(() -> new InvalidException(
          "cannot log in: no server given; pass --url URL or set MESH_URL"));
    }
    RemoteOperations server = new RemoteOperations(address, null);
    String secret = token != null ? token.strip() : readToken(server.url());
    if (secret.isEmpty()) {
      throw new InvalidException("cannot log in to " + server.url() + ": the token is empty");
    }
    Principal user = new RemoteOperations(server.url(), secret).whoami();
    Path stored = Logins.of(mesh.environment()).write(new Logins.Login(server.url(), secret));
    spec.commandLine().getOut().println("logged in to " + server.url() + " as " + user.user()
        + (user.admin() ? " (platform admin)" : "") + "; the token is stored in " + stored);
    return ExitCodes.OK;
  }

  /** The token from the terminal, unechoed, or the first line of standard input. */
  private String readToken(String address) throws IOException {
    Console console = System.console();
    if (console != null && mesh.input() == System.in) {
      char[] typed = console.readPassword("API token for %s: ", address);
      return typed == null ? "" : new String(typed).strip();
    }
    String line = new BufferedReader(new InputStreamReader(mesh.input(), StandardCharsets.UTF_8)).readLine();
    return line == null ? "" : line.strip();
  }
}
