package dev.meshwork.cli;

import dev.meshwork.core.Platform;
import dev.meshwork.core.identity.IssuedToken;
import dev.meshwork.server.MeshServer;
import dev.meshwork.server.ServerOptions;
import dev.meshwork.server.TokenAuthorizer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh serve}: the platform's REST API on this home, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the platform's REST API (/api/v1, OpenAPI at /api/v1/openapi.json) on this home.",
        "Every route but /health and the OpenAPI document needs an Authorization: Bearer token;",
        "on a new home the admin user's token is printed once.",
        "Holds the home while it runs. SIGTERM or Ctrl-C stops it: running builds finish first (up to 30 s)."})
final class ServeCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Option(names = "--port", defaultValue = "7420", paramLabel = "PORT",
      description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--max-body", defaultValue = "1048576", paramLabel = "BYTES",
      description = "Largest request body accepted, in bytes (default: ${DEFAULT-VALUE}).")
  long maxBody;

  private volatile MeshServer server;

  @Override
  public Integer call() throws InterruptedException {
    ServerOptions options = new ServerOptions(bind, port, maxBody, ServerOptions.DEFAULT_DRAIN, Path.of(""));
    Platform platform = mesh.platform();
    Optional<IssuedToken> admin = platform.identities().ensureAdmin();
    MeshServer started = MeshServer.start(platform, options, TokenAuthorizer.of(platform.identities()));
    server = started;
    IdleMemory.returnWhenIdle();
    Thread hook = new Thread(started::stop, "mesh-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    spec.commandLine().getOut().println("serving " + mesh.home().dir() + " on http://" + bind + ":" + started.port()
        + " (SIGTERM or Ctrl-C stops)");
    admin.ifPresent(token -> spec.commandLine().getOut().println("admin token (shown once): " + token.secret()));
    spec.commandLine().getOut().flush();
    started.awaitStop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the process is shutting down: the hook is what stopped the server
    }
    return ExitCodes.OK;
  }

  /** The running server, or null before it started. */
  MeshServer server() {
    return server;
  }
}
