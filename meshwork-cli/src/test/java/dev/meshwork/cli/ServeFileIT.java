package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** While {@code mesh serve} serves a home, commands on that home run on the server; after it stops, in-process again. */
class ServeFileIT {

  @TempDir
  Path dir;

  @Test
  void commandsOnAServedHomeGoToItsServer() throws Exception {
    TestMesh mesh = new TestMesh(dir);
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    Files.writeString(home.resolve("meshwork.yaml"), "server: {files: [..]}   # the mesh beside the home\n");
    CommandLine cli = MeshCommand.commandLine(mesh.env);
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("serve", "--port", "0"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while ((serve.server() == null || out.toString().lines().count() < 2) && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("server started").isNotNull();
    String url = "http://127.0.0.1:" + serve.server().port();
    String admin = out.toString().lines().skip(1).findFirst().orElseThrow().substring("admin token (shown once): ".length());
    assertThat(home.resolve("server.url")).hasContent(url);

    Map<String, String> env = new HashMap<>(mesh.env);
    env.put("MESH_TOKEN", admin);
    Cli applied = Cli.run(env, "apply", "-f", mesh.specs.toString());
    assertThat(applied.exit()).as(applied.err()).isZero();
    assertThat(Cli.run(env, "status").out()).containsPattern("(?m)^shop\\.sales +1\\.0\\.0 +- +- +- +- +never built$");
    Cli anonymous = mesh.mesh("status");
    assertThat(anonymous.exit()).isEqualTo(ExitCodes.FAILED_CHECK);
    assertThat(anonymous.err()).isEqualTo("mesh: cannot use the platform at " + url
        + ": missing bearer token; give a valid API token (MESH_TOKEN, or mesh login)\n");

    Map<String, String> user = new HashMap<>(mesh.env);
    user.put("HOME", dir.resolve("user").toString());
    Cli login = Cli.runWithInput(user, admin + "\n", "login");
    assertThat(login.exit()).as(login.err()).isZero();
    assertThat(login.out()).startsWith("logged in to " + url + " as admin (platform admin)");
    assertThat(Cli.run(user, "status").out()).contains("shop.sales");

    serve.server().stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(home.resolve("server.url")).doesNotExist();
    Cli local = mesh.mesh("status");
    assertThat(local.exit()).as(local.err()).isZero();
    assertThat(local.out()).contains("shop.sales");
  }

  @Test
  void anAddressLeftByAServerThatDiedIsIgnored() throws Exception {
    TestMesh mesh = new TestMesh(dir);
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve("server.url"), "http://127.0.0.1:9\n");
    Cli status = mesh.mesh("status");
    assertThat(status.exit()).as(status.err()).isZero();
    assertThat(status.out()).isEqualTo("no products yet: apply some with mesh apply -f DIR\n");
    assertThat(home.resolve("server.url")).doesNotExist();
  }
}
