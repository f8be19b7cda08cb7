package dev.meshwork.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mesh serve} starting and idling: the time from starting the process to {@code /health}
 * answering, on a new home and on a home with N products; and the resident memory of the
 * process after it started and answered a few requests.
 */
final class ServeStartup {

  private static final int ROUNDS = 5;
  static final int IDLE_SECONDS = 40;

  private ServeStartup() {}

  static void coldStart(int products) throws Exception {
    List<Double> fresh = new ArrayList<>();
    List<Double> freshCpu = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      Path home = Files.createTempDirectory("meshwork-bench-start").resolve("home");
      try (ServeProcess serve = ServeProcess.start(home, log())) {
        fresh.add(serve.startSeconds());
        freshCpu.add(serve.startCpuSeconds());
      }
    }
    ManyProducts.Prepared prepared = ManyProducts.home(products);
    List<Double> full = new ArrayList<>();
    List<Double> fullCpu = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      try (ServeProcess serve = ServeProcess.start(prepared.home(), log())) {
        full.add(serve.startSeconds());
        fullCpu.add(serve.startCpuSeconds());
      }
    }
    double freshMedian = BuildOverhead.median(fresh);
    double fullMedian = BuildOverhead.median(full);
    Bench.report("cold-start: new home " + fresh + " s (processor " + freshCpu + " s); home with " + products
        + " products " + full + " s (processor " + fullCpu + " s); load average " + Bench.loadAverage());
    Bench.report(String.format("| Cold start of mesh serve to /health answering (median of %d) | new home %.2f s, "
        + "%,d products %.2f s (processor time %.2f s, %.2f s) | **%.2f s** | < 3 s |", ROUNDS, freshMedian, products,
        fullMedian, BuildOverhead.median(freshCpu), BuildOverhead.median(fullCpu), Math.max(freshMedian, fullMedian)));
  }

  static void idleMemory(int products) throws Exception {
    double fresh;
    Path home = Files.createTempDirectory("meshwork-bench-memory").resolve("home");
    try (ServeProcess serve = ServeProcess.start(home, log())) {
      HttpClient client = HttpClient.newHttpClient();
      for (int i = 0; i < 10; i++) {
        send(client, serve, "/health", null);
        send(client, serve, "/api/v1/openapi.json", null);
      }
      fresh = settle(serve);
    }
    ManyProducts.Prepared prepared = ManyProducts.home(products);
    double full;
    try (ServeProcess serve = ServeProcess.start(prepared.home(), log())) {
      HttpClient client = HttpClient.newHttpClient();
      java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
      send(client, serve, "/health", null);
      for (int i = 0; i < 10; i++) {
        send(client, serve, "/api/v1/products/" + prepared.products().get(random.nextInt(prepared.products().size())),
            prepared.token());
        send(client, serve, "/api/v1/search?q=" + ApiLatency.query(random).replace(' ', '+'), prepared.token());
      }
      send(client, serve, "/metrics", prepared.token());
      full = settle(serve);
    }
    Bench.report(String.format("idle-memory: new home %.0f MB, home with %d products %.0f MB, after %d s idle",
        fresh, products, full, IDLE_SECONDS));
    Bench.report(String.format("| Idle resident memory of mesh serve: started, a few requests, %d s idle (VmRSS) | "
        + "new home %.0f MB, %,d products %.0f MB | **%.0f MB** | < 400 MB |", IDLE_SECONDS, fresh, products, full,
        Math.max(fresh, full)));
  }

  /**
   * The resident memory once the process has been idle for {@link #IDLE_SECONDS}: long enough for
   * the reading of the catalog that follows a start to end and for the idle heap to be returned.
   */
  private static double settle(ServeProcess serve) throws Exception {
    Thread.sleep(IDLE_SECONDS * 1000L);
    return serve.residentMegabytes();
  }

  private static void send(HttpClient client, ServeProcess serve, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + path))
        .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static Path log() throws Exception {
    return Files.createTempFile("meshwork-bench-serve", ".log");
  }
}
