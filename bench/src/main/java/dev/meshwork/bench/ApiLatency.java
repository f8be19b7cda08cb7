package dev.meshwork.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The API under load: a {@code mesh serve} process over a home with N products, and concurrent
 * clients on loopback reading products and searching, each after a warm-up.
 */
final class ApiLatency {

  private ApiLatency() {}

  static void run(int products, int threads, Duration warmUp, Duration measured) throws Exception {
    ManyProducts.Prepared prepared = ManyProducts.home(products);
    Path log = Files.createTempFile("meshwork-bench-serve", ".log");
    List<String> refs = prepared.products();
    List<String> published = refs.subList(0, Math.min(ManyProducts.PUBLISHED, refs.size()));
    try (ServeProcess serve = ServeProcess.start(prepared.home(), log)) {
      String base = "http://127.0.0.1:" + serve.port();
      Function<String, HttpRequest> get = path -> HttpRequest.newBuilder(URI.create(base + path))
          .header("Authorization", "Bearer " + prepared.token()).timeout(Duration.ofSeconds(120)).build();
      long reading = System.nanoTime();
      int status = HttpClient.newHttpClient().send(get.apply("/api/v1/search?q=orders"),
          HttpResponse.BodyHandlers.discarding()).statusCode();
      Bench.report("api-latency: the first search (waits for the catalog to be read and indexed) answered " + status
          + " after " + Bench.seconds(System.nanoTime() - reading) + " s");
      scenario(products, threads, warmUp, measured, "GET /api/v1/products/{ref}",
          random -> get.apply("/api/v1/products/" + refs.get(random.nextInt(refs.size()))));
      scenario(products, threads, warmUp, measured, "GET /api/v1/products/{ref}, published products",
          random -> get.apply("/api/v1/products/" + published.get(random.nextInt(published.size()))));
      scenario(products, threads, warmUp, measured, "GET /api/v1/search",
          random -> get.apply("/api/v1/search?q=" + URLEncoder.encode(query(random), StandardCharsets.UTF_8)));
      listing(get, products);
      double loaded = serve.residentMegabytes();
      Thread.sleep(ServeStartup.IDLE_SECONDS * 1000L);
      Bench.report(String.format("api-latency: mesh serve resident memory right after the load %.0f MB, %d s later %.0f MB",
          loaded, ServeStartup.IDLE_SECONDS, serve.residentMegabytes()));
    }
  }

  /** Every product's status in one response, one request at a time: how long a whole listing takes. */
  private static void listing(Function<String, HttpRequest> get, int products) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    List<Double> seconds = new java.util.ArrayList<>();
    long bytes = 0;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> response = client.send(get.apply("/api/v1/products"), HttpResponse.BodyHandlers.ofByteArray());
      seconds.add(Bench.seconds(System.nanoTime() - start));
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET /api/v1/products answered " + response.statusCode());
      }
      bytes = response.body().length;
    }
    Bench.report(String.format("api-latency: GET /api/v1/products (all %,d statuses, %,d bytes), one at a time: %s s",
        products, bytes, seconds));
  }

  /** One or two words of the products' vocabulary, sometimes only a word's beginning. */
  static String query(ThreadLocalRandom random) {
    List<String> words = ManyProducts.WORDS;
    String first = words.get(random.nextInt(words.size()));
    if (random.nextInt(4) == 0) {
      first = first.substring(0, Math.min(first.length(), 4));
    }
    return random.nextBoolean() ? first : first + " " + words.get(random.nextInt(words.size()));
  }

  private static void scenario(int products, int threads, Duration warmUp, Duration measured, String what,
                               Function<ThreadLocalRandom, HttpRequest> next) throws InterruptedException {
    Load.Result result = Load.run(threads, warmUp, measured, next);
    Bench.report("api-latency: " + what + ": " + result.summary() + "; load average " + Bench.loadAverage());
    Bench.report(String.format("| API: %s, %,d products, %d clients | p50 %.1f ms, p99 %.1f ms, %,.0f requests/s"
        + " | **p99 %.1f ms** | p99 < 50 ms |", what, products, threads, result.percentileMillis(50),
        result.percentileMillis(99), result.perSecond(), result.percentileMillis(99)));
  }
}
