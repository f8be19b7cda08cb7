package dev.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.meshwork.spec.DataProduct;
import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mesh demo} sets up the sample mesh, publishes every product and serves it with working
 * tokens, its API and its web catalog (walked in the system's Chromium).
 */
class DemoIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SHOTS = Path.of("target/screenshots");
  private static final Pattern SERVING = Pattern.compile("serving (\\S+) on (http://\\S+) \\(SIGTERM or Ctrl-C stops\\)");

  @TempDir
  Path dir;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void setsUpBuildsAndServesTheSampleMesh() throws Exception {
    Path home = dir.resolve("home");
    CommandLine cli = MeshCommand.commandLine(Map.of());
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err, true));
    DemoCommand demo = cli.getSubcommands().get("demo").getCommand();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
        () -> cli.execute("demo", "--home", home.toString(), "--port", "0"));
    Matcher serving = awaitServing(out, exit);
    assertThat(serving.matches()).as("demo started: %s%s", out, err).isTrue();
    assertThat(serving.group(1)).isEqualTo(home.toString());
    String url = serving.group(2);
    String admin = value(out, "admin token (shown once): ");
    assertThat(value(out, "web catalog: ")).isEqualTo(url + "/ (log in with one of the tokens above)");
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(url + "/login")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.body()).contains("<h1>Log in to the catalog</h1>");
    assertThat(err.toString()).contains("demo: building every product", "demo: creating 7 users and their teams");

    JsonNode products = json(get(url + "/api/v1/products", admin));
    List<String> published = new ArrayList<>();
    products.forEach(product -> {
      if (product.get("lastBuildStatus").asText().equals("PUBLISHED") && product.get("rows").asLong() > 0) {
        published.add(product.get("product").asText());
      }
    });
    assertThat(published).containsExactlyInAnyOrderElementsOf(exampleProducts());

    String owner = userToken(out, "payments-team", "owner of orders");
    HttpResponse<String> built = post(url + "/api/v1/products/orders.daily/builds", owner);
    assertThat(built.statusCode()).as(built.body()).isEqualTo(200);
    assertThat(json(built).get("status").asText()).isEqualTo("PUBLISHED");
    String consumer = userToken(out, "analyst", "consumer");
    assertThat(get(url + "/api/v1/products/orders.daily", consumer).statusCode()).isEqualTo(200);
    HttpResponse<String> denied = post(url + "/api/v1/products/orders.daily/builds", consumer);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(get(url + "/api/v1/products/orders.daily/rows", consumer).statusCode()).isEqualTo(200);
    assertThat(get(url + "/api/v1/products/customers.profile/rows", consumer).statusCode()).isEqualTo(403);
    List<String> requests = new ArrayList<>();
    json(get(url + "/api/v1/access/requests", admin)).forEach(request -> requests.add(
        request.get("requester").asText() + " " + request.get("product").asText() + " " + request.get("status").asText()));
    assertThat(requests).containsExactlyInAnyOrder("analyst orders.daily APPROVED",
        "analyst logistics.shipment_tracking APPROVED", "analyst customers.customer_360 APPROVED",
        "data-scientist customers.profile PENDING", "data-scientist finance.revenue_by_tenant PENDING");

    walkTheCatalog(url, consumer);

    demo.server().stop();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(Files.readString(home.resolve("demo").resolve("mesh").resolve("orders").resolve("sources.yaml")))
        .contains("type: jdbc", "url: \"jdbc:h2:file:" + home.resolve("demo").resolve("databases").resolve("orders"));
    assertThat(Cli.run(Map.of(), "--home", home.toString(), "status").exit()).as("the home is free again").isZero();
  }

  /**
   * The sample mesh in the system's Chromium, as the analyst: every product, domain and the
   * dashboard answer with their page, the analyst reads rows where a grant allows and is told why
   * not elsewhere, and no page opens a dialog. Screenshots land in target/screenshots.
   */
  private static void walkTheCatalog(String url, String analyst) throws Exception {
    Files.createDirectories(SHOTS);
    List<String> dialogs = new ArrayList<>();
    try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
            .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
         Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
             .setHeadless(true).setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
      Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)).newPage();
      page.onDialog(dialog -> {
        dialogs.add(dialog.message());
        dialog.dismiss();
      });
      page.navigate(url + "/");
      page.locator("#token").fill(analyst);
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
      page.waitForURL(url + "/");
      assertThat(page.locator("li.card h2 a").count()).isEqualTo(8);
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("demo-products.png")).setFullPage(true));

      for (String product : exampleProducts()) {
        assertThat(page.navigate(url + "/products/" + product).status()).as(product).isEqualTo(200);
        assertThat(page.locator("p.meta code").first().textContent()).isEqualTo(product);
        assertThat(page.locator("figure.lineage-graph svg").count()).as(product).isEqualTo(1);
      }
      page.navigate(url + "/products/orders.daily");
      assertThat(page.locator("table.sample tbody tr").count()).isPositive();
      assertThat(page.locator("section.readme h3").first().textContent()).isEqualTo("Orders — Daily Summary");
      assertThat(page.locator("section.readme h4").allTextContents()).contains("What a row is");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("demo-orders-daily.png")).setFullPage(true));
      page.navigate(url + "/products/customers.profile");
      assertThat(page.locator("#sample + p.notice").textContent()).startsWith("You have no grant to read this product");

      for (String domain : List.of("customers", "finance", "logistics", "marketing", "orders")) {
        assertThat(page.navigate(url + "/domains/" + domain).status()).as(domain).isEqualTo(200);
        assertThat(page.locator("h1").textContent()).isEqualTo("Domain " + domain);
      }
      assertThat(page.navigate(url + "/dashboard").status()).isEqualTo(200);
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("demo-dashboard.png")).setFullPage(true));
      page.navigate(url + "/me");
      assertThat(page.locator("#grants + ul li").allTextContents()).hasSize(3);

      page.navigate(url + "/search?q=revnue");
      assertThat(page.locator("li.card code").allTextContents()).contains("finance.revenue_by_tenant");
    }
    assertThat(dialogs).as("dialogs opened by the pages").isEmpty();
  }

  @Test
  void refusesAFolderThatIsNeitherEmptyNorADemoHome() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "mine");

    Cli refused = Cli.run(Map.of(), "demo", "--home", dir.toString(), "--port", "0");

    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).isEqualTo("mesh: cannot run the demo in " + dir
        + ": it is not empty and not a platform home; give a new or empty folder\n");
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactly(dir.resolve("notes.txt"));
    }
  }

  /** Every product of the sample mesh in examples/, as domain.name. */
  private static List<String> exampleProducts() {
    Path examples = Path.of("..", "examples");
    List<String> products = new ArrayList<>();
    for (LoadedResource loaded : new Loader(examples).load(List.of(examples)).resources()) {
      if (loaded.resource() instanceof DataProduct product) {
        products.add(product.metadata().domain() + "." + product.metadata().name());
      }
    }
    assertThat(products).hasSize(8);
    return products;
  }

  private static Matcher awaitServing(StringWriter out, CompletableFuture<Integer> exit) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && !exit.isDone()) {
      for (String line : out.toString().lines().toList()) {
        Matcher matcher = SERVING.matcher(line);
        if (matcher.matches()) {
          return matcher;
        }
      }
      Thread.sleep(50);
    }
    return SERVING.matcher("");
  }

  private static String value(StringWriter out, String prefix) {
    return out.toString().lines().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow()
        .substring(prefix.length());
  }

  /** The token printed for a demo user: {@code  name  role  mw_...}. */
  private static String userToken(StringWriter out, String user, String role) {
    Pattern line = Pattern.compile("  " + Pattern.quote(user) + " +" + Pattern.quote(role) + " +(mw_\\S+)");
    return out.toString().lines().map(line::matcher).filter(Matcher::matches).findFirst().orElseThrow().group(1);
  }

  private HttpResponse<String> get(String url, String token) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String url, String token) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
