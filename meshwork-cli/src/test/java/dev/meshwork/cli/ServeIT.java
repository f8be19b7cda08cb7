package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mesh serve} answers on the port it was given and stops cleanly, releasing the home. */
class ServeIT {

  @TempDir
  Path dir;

  @Test
  void servesHealthAndStops() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = Map.of("MESH_HOME", dir.resolve("home").toString());
    CommandLine cli = MeshCommand.commandLine(env);
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("serve", "--port", String.valueOf(port)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("server started: %s %s", err, exit.isDone() ? exit.handle((v, t) -> v + " " + t).join() : "running").isNotNull();

    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");

    serve.server().stop();
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString()).isEqualTo("serving " + dir.resolve("home") + " on http://127.0.0.1:" + port
        + " (SIGTERM or Ctrl-C stops)" + System.lineSeparator());
    assertThat(Cli.run(env, "status").exit()).as("the home is free again").isZero();
  }
}
