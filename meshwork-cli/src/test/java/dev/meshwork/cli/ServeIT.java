package dev.meshwork.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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

    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> health = client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");

    String[] lines = awaitLines(out, 2);
    assertThat(lines[0]).isEqualTo("serving " + dir.resolve("home") + " on http://127.0.0.1:" + port
        + " (SIGTERM or Ctrl-C stops)");
    assertThat(lines[1]).startsWith("admin token (shown once): mw_");
    String token = lines[1].substring("admin token (shown once): ".length());
    URI products = URI.create("http://127.0.0.1:" + port + "/api/v1/products");
    assertThat(client.send(HttpRequest.newBuilder(products).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(401);
    HttpResponse<String> listed = client.send(HttpRequest.newBuilder(products)
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.body()).isEqualTo("[]");

    serve.server().stop();
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString().lines()).hasSize(2);
    assertThat(Cli.run(env, "status").exit()).as("the home is free again").isZero();
  }

  @Test
  void acceptsOpenIdConnectTokensWhenTheHomeNamesAnIssuer() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Path home = Files.createDirectories(dir.resolve("oidc-home"));
    String jwks = "http://127.0.0.1:" + closed + "/certs";
    Files.writeString(home.resolve("meshwork.yaml"), """
        auth:
          oidc: {issuer: https://login.example.com, jwks-url: "%s", audience: meshwork}
        """.formatted(jwks));
    CommandLine cli = MeshCommand.commandLine(Map.of("MESH_HOME", home.toString()));
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    ServeCommand serve = cli.getSubcommands().get("serve").getCommand();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("serve", "--port", "0"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (serve.server() == null && !exit.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(serve.server()).as("server started").isNotNull();
    String admin = awaitLines(out, 2)[1].substring("admin token (shown once): ".length());
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    long exp = System.currentTimeMillis() / 1000 + 600;
    String jwt = base64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"k1\"}".getBytes(UTF_8))
        + "." + base64.encodeToString(("{\"iss\":\"https://login.example.com\",\"aud\":\"meshwork\",\"exp\":" + exp
        + ",\"email\":\"admin@meshwork.local\"}").getBytes(UTF_8)) + "." + base64.encodeToString(new byte[256]);
    URI products = URI.create("http://127.0.0.1:" + serve.server().port() + "/api/v1/products");
    HttpClient client = HttpClient.newHttpClient();

    HttpResponse<String> oidc = client.send(HttpRequest.newBuilder(products).header("Authorization", "Bearer " + jwt)
        .build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> api = client.send(HttpRequest.newBuilder(products).header("Authorization", "Bearer " + admin)
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(oidc.statusCode()).as(oidc.body()).isEqualTo(503);
    assertThat(oidc.body()).contains("cannot check the token: the issuer's keys cannot be fetched from " + jwks);
    assertThat(api.statusCode()).isEqualTo(200);
    serve.server().stop();
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
  }

  /** The first {@code count} lines written, waiting a little for the last to arrive. */
  private static String[] awaitLines(StringWriter out, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (out.toString().lines().count() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return out.toString().lines().limit(count).toArray(String[]::new);
  }
}
