package dev.meshwork.cli;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.server.MeshServer;
import dev.meshwork.server.ServerOptions;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mesh demo}: the sample mesh set up, built and served on a home of its own. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Set up the sample mesh on a new home and serve it: generate its sources' data (an embedded",
        "database stands in for PostgreSQL), apply it with the built-in policies, build every product, create",
        "an owner for each domain and two consumers with tokens, then serve the REST API as mesh serve does.",
        "The home is --home DIR (new or empty; a finished demo home is served again with new tokens), else a",
        "new temporary folder. It stays when the demo stops. SIGTERM or Ctrl-C stops it."})
final class DemoCommand implements Callable<Integer> {

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
    Home home = new Home(mesh.home != null ? mesh.home : temporaryHome());
    boolean resume = checkHome(home.dir());
    PrintWriter err = spec.commandLine().getErr();
    Platform platform = mesh.platform(home);
    DemoSetup.Tokens tokens;
    try {
      DemoSetup setup = new DemoSetup(platform, home, err, mesh.clock());
      tokens = resume ? setup.resume() : setup.setUp();
    } catch (RuntimeException e) {
      platform.close();
      throw e;
    }
    Serving serving = Serving.start(platform, home, options);
    server = serving.server();
    print(home, tokens, serving.url(options));
    serving.awaitStop();
    return ExitCodes.OK;
  }

  private void print(Home home, DemoSetup.Tokens tokens, String url) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("demo home: " + home.dir() + " (kept when the demo stops; other commands use it with --home)");
    out.println("admin token (shown once): " + tokens.admin());
    out.println("demo users' tokens (shown once):");
    int width = tokens.users().keySet().stream().mapToInt(user -> user.name().length()).max().orElse(0);
    int roleWidth = tokens.users().keySet().stream().mapToInt(user -> user.role().length()).max().orElse(0);
    for (Map.Entry<DemoUser, String> entry : tokens.users().entrySet()) {
      DemoUser user = entry.getKey();
      out.println("  " + pad(user.name(), width) + "  " + pad(user.role(), roleWidth) + "  " + entry.getValue());
    }
    out.println("web catalog: " + url + "/ (log in with one of the tokens above)");
    out.println("serving " + home.dir() + " on " + url + " (SIGTERM or Ctrl-C stops)");
    out.println("try: curl -H \"Authorization: Bearer $TOKEN\" " + url + "/api/v1/products");
    out.flush();
  }

  /** Whether {@code dir} holds a finished demo to serve again; fails unless it is that, new or empty. */
  static boolean checkHome(Path dir) {
    if (!Files.exists(dir)) {
      return false;
    }
    if (!Files.isDirectory(dir)) {
      throw new InvalidException("cannot run the demo in " + dir + ": it is a file; give a new or empty folder");
    }
    if (DemoSetup.isReady(dir)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isEmpty()) {
        return false;
      }
    } catch (IOException e) {
      throw new InvalidException("cannot run the demo in " + dir + ": cannot list it: " + e.getMessage());
    }
    String what = Files.isDirectory(new Home(dir).meta()) ? "is a platform home that the demo did not set up (or whose setup did not finish)"
        : "is not empty and not a platform home";
    throw new InvalidException("cannot run the demo in " + dir + ": it " + what + "; give a new or empty folder");
  }

  private static Path temporaryHome() {
    try {
      return Files.createTempDirectory("meshwork-demo-");
    } catch (IOException e) {
      throw new InvalidException("cannot run the demo: cannot create a temporary folder: " + e.getMessage());
    }
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  /** The running server, or null before it started. */
  MeshServer server() {
    return server;
  }
}
