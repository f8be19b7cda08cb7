package dev.meshwork.cli;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.identity.IssuedToken;
import dev.meshwork.server.MeshServer;
import dev.meshwork.server.ServerOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh serve}: the platform's REST API on this home, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the platform's REST API (/api/v1, OpenAPI at /api/v1/openapi.json) on this home.",
        "Every route but /health and the OpenAPI document needs an Authorization: Bearer token;",
        "on a new home the admin user's token is printed once.",
        "Runs the products' schedules and the daily retention run, checks their SLAs and sends alerts.",
        "Holds the home while it runs, and writes its address to server.url in the home, so that other",
        "commands on the home run on the server. SIGTERM or Ctrl-C stops it: running builds finish first (up to 30 s)."})
final class ServeCommand implements Callable<Integer> {

  @ParentCommand
  MeshCommand mesh;

  @Spec
  CommandSpec spec;

  @Mixin
  Listening listening;


  private volatile MeshServer server;

  @Override
  public Integer call() throws InterruptedException {
    ServerOptions options = listening.options();
    Platform platform = mesh.platform();
    Optional<IssuedToken> admin = platform.identities().ensureAdmin();
    Serving serving = Serving.start(platform, mesh.home(), options);
    server = serving.server();
    IdleMemory.returnWhenIdle();
    spec.commandLine().getOut().println("serving " + mesh.home().dir() + " on " + serving.url(options)
        + " (SIGTERM or Ctrl-C stops)");
    admin.ifPresent(token -> spec.commandLine().getOut().println("admin token (shown once): " + token.secret()));
    spec.commandLine().getOut().flush();
    serving.awaitStop();
    return ExitCodes.OK;
  }

  /** The running server, or null before it started. */
  MeshServer server() {
    return server;
  }
}
