package dev.meshwork.bench;

import java.net.CookieManager;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web catalog's pages under load: a {@code mesh serve} process over a home with N products (the
 * first M of them built), a session opened the way a browser opens one (the login form, with an
 * API token), and concurrent clients on loopback asking for the product listing ({@code GET
 * /search}: the first page of cards, the facets counted over every product), for searches
 * ({@code GET /search?q=}) and for the dashboard, each after a warm-up; then one client alone, for
 * the latency of one page and the server's processor time it takes.
 */
final class CatalogPage {

  static final String TARGET = "p99 ≤ 500 ms";
  static final double TARGET_MILLIS = 500;
  /** How many pages one client asks for one at a time, after the load. */
  static final int ALONE = 100;

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern COUNT = Pattern.compile("<p class=\"count\">([0-9]+) product");

  private CatalogPage() {}

  static void run(int products, int built, int threads, Duration warmUp, Duration measured) throws Exception {
    ManyProducts.Prepared prepared = ManyProducts.home(products, built);
    Path log = Files.createTempFile("meshwork-bench-serve", ".log");
    try (ServeProcess serve = ServeProcess.start(prepared.home(), log)) {
      String base = "http://127.0.0.1:" + serve.port();
      long reading = System.nanoTime();
      int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/search?q=orders"))
          .header("Authorization", "Bearer " + prepared.token()).timeout(Duration.ofSeconds(120)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
      Bench.report("catalog-page: the first search (waits for the catalog to be read and indexed) answered " + status
          + " after " + Bench.seconds(System.nanoTime() - reading) + " s");
      String cookie = logIn(base, prepared.token());
      Function<String, HttpRequest> get = path -> HttpRequest.newBuilder(URI.create(base + path))
          .header("Cookie", cookie).timeout(Duration.ofSeconds(120)).build();
      describe(get.apply("/search"), products);
      String label = String.format("%,d products (%,d built)", products, Math.min(built, products));
      scenario(serve, label, threads, warmUp, measured, "`GET /search`, the product listing",
          random -> get.apply("/search"));
      scenario(serve, label, threads, warmUp, measured, "`GET /search?q=`, a search",
          random -> get.apply("/search?q=" + URLEncoder.encode(ApiLatency.query(random), StandardCharsets.UTF_8)));
      scenario(serve, label, threads, warmUp, measured, "`GET /dashboard`", random -> get.apply("/dashboard"));
    }
  }

  /** Logs in as a browser does: the login page gives a session and its CSRF token, the form a logged-in session. */
  static String logIn(String base, String token) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher csrf = CSRF.matcher(form.body());
    if (form.statusCode() != 200 || !csrf.find()) {
      throw new IllegalStateException("GET /login answered " + form.statusCode() + " without a CSRF token");
    }
    String body = "csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&next=%2F&token="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
    HttpResponse<String> loggedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    String cookie = loggedIn.headers().firstValue("Set-Cookie").orElse("");
    if (loggedIn.statusCode() != 303 || !cookie.startsWith("mw_session=")) {
      throw new IllegalStateException("POST /login answered " + loggedIn.statusCode() + ": " + loggedIn.body());
    }
    return cookie.substring(0, cookie.indexOf(';'));
  }

  /** Checks that the listing lists every product, and tells its size. */
  private static void describe(HttpRequest listing, int products) throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(listing, HttpResponse.BodyHandlers.ofString());
    Matcher count = COUNT.matcher(page.body());
    if (page.statusCode() != 200 || !count.find() || Integer.parseInt(count.group(1)) != products) {
      throw new IllegalStateException("GET /search answered " + page.statusCode() + " without listing "
          + products + " products");
    }
    Bench.report(String.format("catalog-page: GET /search lists %s products, %,d bytes of HTML", count.group(1),
        page.body().getBytes(StandardCharsets.UTF_8).length));
  }

  /**
   * The load of {@code threads} clients, then {@link #ALONE} requests one at a time: their median
   * and the server's processor time per page, which other programs on the machine do not change.
   */
  private static void scenario(ServeProcess serve, String label, int threads, Duration warmUp, Duration measured,
                               String what, Function<ThreadLocalRandom, HttpRequest> next) throws Exception {
    Load.Result result = Load.run(threads, warmUp, measured, next);
    Bench.report("catalog-page: " + what + ": " + result.summary() + "; load average " + Bench.loadAverage());
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long[] nanos = new long[ALONE];
    double cpu = serve.cpuSeconds();
    for (int i = 0; i < ALONE; i++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> page = client.send(next.apply(ThreadLocalRandom.current()), HttpResponse.BodyHandlers.ofByteArray());
      nanos[i] = System.nanoTime() - start;
      if (page.statusCode() != 200) {
        throw new IllegalStateException(what + " answered " + page.statusCode());
      }
    }
    double cpuMillis = (serve.cpuSeconds() - cpu) * 1000 / ALONE;
    java.util.Arrays.sort(nanos);
    double alone = nanos[ALONE / 2] / 1e6;
    Bench.report(String.format("catalog-page: %s, one at a time: median %.1f ms, server processor time %.0f ms per page",
        what, alone, cpuMillis));
    double p99 = result.percentileMillis(99);
    Bench.report(String.format("| Catalog page: %s, %s, %d clients | p50 %.0f ms, p99 %.0f ms, %,.1f pages/s;"
        + " one at a time %.0f ms, %.0f ms of server processor time per page | **p99 %.0f ms** (%s) | %s |", what,
        label, threads, result.percentileMillis(50), p99, result.perSecond(), alone, cpuMillis, p99,
        p99 <= TARGET_MILLIS ? "met" : "not met", TARGET));
  }
}
