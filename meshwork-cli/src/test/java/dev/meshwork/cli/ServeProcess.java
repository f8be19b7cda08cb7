package dev.meshwork.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;

/**
 * {@code mesh serve} running in this process on a free port, on the clock given, with the admin
 * token it printed (or the one given, when the home has its admin already).
 */
final class ServeProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServeCommand serve;
  private final CompletableFuture<Integer> exit;
  private final StringWriter err = new StringWriter();
  private final HttpClient client = HttpClient.newHttpClient();
  final String token;

  private ServeProcess(Map<String, String> env, Clock clock, String knownToken) throws InterruptedException {
    CommandLine cli = MeshCommand.commandLine(env, clock);
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    serve = cli.getSubcommands().get("serve").getCommand();
    exit = CompletableFuture.supplyAsync(() -> cli.execute("serve", "--port", "0"));
    await(() -> serve.server() != null || exit.isDone(), Duration.ofSeconds(30), "the server to start");
    if (serve.server() == null) {
      throw new AssertionError("mesh serve did not start: " + err + " " + exit.join());
    }
    if (knownToken == null) {
      await(() -> out.toString().contains("admin token (shown once): "), Duration.ofSeconds(10), "the admin token");
      String printed = out.toString();
      token = printed.substring(printed.indexOf("admin token (shown once): ") + 26).strip();
    } else {
      token = knownToken;
    }
  }

  /** Starts serving a new home: its admin token is read from what the server prints. */
  static ServeProcess start(Map<String, String> env, Clock clock) throws InterruptedException {
    return new ServeProcess(env, clock, null);
  }

  /** Starts serving a home served before with {@code token}. */
  static ServeProcess restart(Map<String, String> env, Clock clock, String token) throws InterruptedException {
    return new ServeProcess(env, clock, token);
  }

  /** GETs a path of the API as the admin and reads the JSON answer. */
  JsonNode get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /** POSTs a JSON body to a path of the API as the admin; returns the status and the JSON answer. */
  HttpResponse<String> post(String path, String json) {
    try {
      return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The status of one product, as {@code GET /api/v1/products/{ref}/status} gives it. */
  JsonNode status(String product) {
    return get("/api/v1/products/" + product + "/status");
  }

  /** GETs a path as the admin and returns the answer's text, for answers that are not JSON. */
  String text(String path) {
    return body(HttpRequest.newBuilder(uri(path)).GET());
  }

  private JsonNode send(HttpRequest.Builder request) {
    try {
      return JSON.readTree(body(request));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String body(HttpRequest.Builder request) {
    HttpResponse<String> response;
    try {
      response = client.send(request.header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError("status " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + serve.server().port() + path);
  }

  /** Stops the server the way SIGTERM does and waits for {@code mesh serve} to end. */
  @Override
  public void close() throws Exception {
    serve.server().stop();
    Integer code = exit.get(60, TimeUnit.SECONDS);
    if (code != 0) {
      throw new AssertionError("mesh serve ended with " + code + ": " + err);
    }
  }

  /** Waits, polling, until the condition holds; fails naming what was awaited. */
  static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
