package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web catalog in a real browser (the system's Chromium): a consumer finds a product and asks
 * for access, its owner approves, the consumer reads masked sample rows; markup anyone wrote into
 * the mesh or a search stays text. Screenshots of the main pages land in target/screenshots.
 */
class WebCatalogIT {

  static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  static final Path SHOTS = Paths.get("target/screenshots");

  static Playwright playwright;
  static Browser browser;

  @TempDir
  Path dir;

  WebMesh mesh;
  BrowserContext context;
  Page page;
  final List<String> dialogs = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void launch() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      fail("the web catalog's browser tests need Chromium at " + CHROMIUM + ": install it with apt-get install -y chromium");
    }
    Files.createDirectories(SHOTS);
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync")));
  }

  @AfterAll
  static void quit() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @BeforeEach
  void open() throws Exception {
    mesh = new WebMesh(dir);
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    page = context.newPage();
    page.onDialog(dialog -> {
      dialogs.add(dialog.message());
      dialog.dismiss();
    });
  }

  @AfterEach
  void close() {
    context.close();
    mesh.close();
    assertThat(dialogs).as("dialogs opened by the pages").isEmpty();
  }

  @Test
  void aConsumerAsksTheOwnerApprovesAndTheConsumerReadsMaskedRows() {
    page.navigate(mesh.base + "/");
    assertThat(page.url()).isEqualTo(mesh.base + "/login?next=%2F");
    logIn(mesh.consumerToken);
    assertThat(page.url()).isEqualTo(mesh.base + "/");

    page.locator("#search-q").fill("customers");
    page.locator("#search-q").press("Enter");
    page.waitForURL("**/search?q=customers");
    assertThat(page.locator("h1").textContent()).isEqualTo("Search results for “customers”");
    shot("search");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Customers of the shop")).click();
    page.waitForURL("**/products/shop.customers");
    assertThat(page.locator("#sample + p.notice").textContent()).startsWith("You have no grant to read this product: user bob");
    page.locator("#purpose").fill("churn analysis");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request access")).click();
    page.waitForURL("**/products/shop.customers#access");
    assertThat(page.locator("ul.requests li").textContent()).contains("(churn analysis): pending");
    assertThat(page.locator("p.standing").textContent())
        .isEqualTo("Your request with the PII masked is waiting for a decision (owner).");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request the PII in clear")).count())
        .isEqualTo(1);
    shot("product-no-grant");
    logOut();

    logIn(mesh.ownerToken);
    page.navigate(mesh.base + "/me");
    assertThat(page.locator("#decide + div table tbody tr").textContent()).contains("shop.customers").contains("bob")
        .contains("churn analysis");
    shot("me-to-decide");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve bob on shop.customers")).click();
    page.waitForURL("**/me");
    assertThat(page.locator("#decide + p").textContent()).isEqualTo("Nothing to decide.");
    page.navigate(mesh.base + "/dashboard");
    assertThat(page.locator("table caption", new Page.LocatorOptions().setHasText("Access requests")).textContent())
        .startsWith("Access requests (median time to access: ");
    shot("dashboard");
    page.navigate(mesh.base + "/domains/shop");
    assertThat(page.locator("h1").textContent()).isEqualTo("Domain shop");
    shot("domain");
    logOut();

    logIn(mesh.consumerToken);
    page.navigate(mesh.base + "/products/shop.customers");
    List<String> emails = page.locator("table.sample tbody tr td:nth-child(2)").allTextContents();
    assertThat(emails).containsExactlyInAnyOrder("a**@example.com", "l*@example.com");
    assertThat(page.content()).doesNotContain("ana@example.com");
    assertThat(page.locator("p.standing").textContent()).startsWith("You hold a grant with the PII masked until 20");
    assertThat(page.locator("form.request button").textContent()).isEqualTo("Request the PII in clear");
    shot("product-sample");
    page.navigate(mesh.base + "/me");
    assertThat(page.locator("#grants + ul li").textContent()).contains("shop.customers");
    page.setViewportSize(390, 844);
    page.navigate(mesh.base + "/products/shop.customers");
    shot("product-phone");
  }

  @Test
  void markupInTheMeshAndInSearchesStaysText() {
    logIn(mesh.ownerToken);
    page.navigate(mesh.base + "/products/shop.customers");
    String description = page.locator("section.description").textContent();
    assertThat(description).contains("<script>alert('description')</script>").contains("<img src=x onerror=\"alert('image')\">");
    assertThat(page.locator("section.description strong").textContent()).isEqualTo("customers");
    assertThat(page.locator("main script, main img, main [onerror], main [onmouseover]").count()).isZero();
    assertThat(page.locator("section.description a").getAttribute("href")).isEqualTo("");
    assertThat(page.locator("td", new Page.LocatorOptions().setHasText("remark")).textContent())
        .isEqualTo("<b onmouseover=alert('column')>bold</b> remark");
    assertThat(page.locator("table.sample").textContent()).contains("<img src=y onerror=alert('cell')>");

    page.navigate(mesh.base + "/search?q=" + java.net.URLEncoder.encode("<script>alert('q')</script>",
        java.nio.charset.StandardCharsets.UTF_8));
    assertThat(page.locator("h1").textContent()).isEqualTo("Search results for “<script>alert('q')</script>”");
    assertThat(page.locator("#search-q").inputValue()).isEqualTo("<script>alert('q')</script>");
    assertThat(page.locator("main script").count()).isZero();

    page.navigate(mesh.base + "/search?q=customers");
    assertThat(page.locator("li.card p.summary").first().textContent())
        .isEqualTo("The customers of the web shop. <script>alert('description')</script>");
    assertThat(page.locator("main script").count()).isZero();
  }

  @Test
  void aColumnNamedWithMarkupIsRefusedBeforeAnyPageCouldShowIt() {
    String yaml = """
        apiVersion: meshwork/v1
        kind: DataProduct
        metadata: {name: marked, domain: shop, owner: shop-team@example.com}
        spec:
          version: 1.0.0
          classification: INTERNAL
          retentionDays: 30
          inputs: [{name: sales, product: shop.sales}]
          transform: {sql: "SELECT customer AS \\"<script>alert('column')</script>\\" FROM sales"}
          schema:
            - {name: "<script>alert('column')</script>", type: string}
        """;
    Http.Response refused = new Http(mesh.server.port(), mesh.ownerToken).send("POST", "/api/v1/resources",
        "application/yaml", yaml);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).isEqualTo("nothing was applied: 1 problem found");
    var problem = refused.json().path("details").path(0);
    assertThat(problem.path("line").asInt() + ":" + problem.path("column").asInt() + " " + problem.path("path").asText())
        .isEqualTo("11:14 spec.schema[0].name");
    assertThat(problem.path("message").asText()).isEqualTo("'<script>alert('column')</script>' is not a valid column name: "
        + "use lowercase letters, digits and '_', not starting with a digit");

    logIn(mesh.ownerToken);
    assertThat(page.navigate(mesh.base + "/products/shop.marked").status()).isEqualTo(404);
    assertThat(page.locator("p.error").textContent()).isEqualTo("no product shop.marked on this platform (apply it first with mesh apply)");
    page.navigate(mesh.base + "/search?q=marked");
    assertThat(page.locator("p.count").textContent()).isEqualTo("0 product(s)");
  }

  @Test
  void productsShowFiftyToAPageWhileTheFacetsCountThemAll() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 1; i <= 60; i++) {
      yaml.append("""
          ---
          apiVersion: meshwork/v1
          kind: DataProduct
          metadata: {name: item_%1$02d, domain: shop, title: Item %1$02d, owner: shop-team@example.com}
          spec:
            version: 1.0.0
            classification: %2$s
            retentionDays: 30
            inputs: [{name: sales, product: shop.sales}]
            transform: {sql: "SELECT customer FROM sales"}
            schema:
              - {name: customer, type: string}
          """.formatted(i, i % 2 == 0 ? "INTERNAL" : "PUBLIC"));
    }
    Http.Response applied = new Http(mesh.server.port(), mesh.ownerToken).send("POST", "/api/v1/resources",
        "application/yaml", yaml.toString());
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    logIn(mesh.consumerToken);

    page.navigate(mesh.base + "/search");
    assertThat(page.locator("p.count").textContent()).isEqualTo("62 product(s)");
    assertThat(page.locator("li.card").count()).isEqualTo(50);
    assertThat(page.locator("li.card h2").first().textContent()).isEqualTo("Customers of the shop");
    assertThat(page.locator("nav.pages .page").textContent()).isEqualTo("Page 1 of 2: products 1–50");
    assertThat(page.locator("nav.pages a").allTextContents()).containsExactly("Next");
    assertThat(page.locator("aside.facets li").first().textContent()).isEqualTo("shop (62)");
    shot("search-paged");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next")).click();
    page.waitForURL("**/search?page=2");
    assertThat(page.locator("li.card h2").allTextContents()).hasSize(12).startsWith("Item 50").endsWith("Shop sales");
    assertThat(page.locator("nav.pages .page").textContent()).isEqualTo("Page 2 of 2: products 51–62");
    assertThat(page.locator("nav.pages a").allTextContents()).containsExactly("Previous");
    assertThat(page.locator("p.count").textContent()).isEqualTo("62 product(s)");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Previous")).click();
    page.waitForURL("**/search");
    assertThat(page.locator("li.card").count()).isEqualTo(50);

    page.navigate(mesh.base + "/search?q=item&classification=PUBLIC");
    assertThat(page.locator("p.count").textContent()).isEqualTo("30 product(s) with classification PUBLIC");
    assertThat(page.locator("nav.pages").count()).isZero();
    page.navigate(mesh.base + "/search?q=item");
    assertThat(page.locator("p.count").textContent()).isEqualTo("60 product(s)");
    assertThat(page.locator("nav.pages a").getAttribute("href")).isEqualTo("/search?q=item&page=2");
    assertThat(page.locator("aside.facets a", new Page.LocatorOptions().setHasText("PUBLIC")).getAttribute("href"))
        .isEqualTo("/search?q=item&classification=PUBLIC");
    page.navigate(mesh.base + "/search?q=item&page=9");
    assertThat(page.locator("nav.pages .page").textContent()).isEqualTo("Page 2 of 2: products 51–60");

    assertThat(page.navigate(mesh.base + "/search?page=0").status()).isEqualTo(400);
    assertThat(page.locator("p.error").textContent())
        .isEqualTo("cannot show page '0' of the results: a page is a whole number from 1");
  }

  @Test
  void unknownPagesAndProductsAnswerInTheLayout() {
    logIn(mesh.consumerToken);
    var response = page.navigate(mesh.base + "/products/shop.nothing");
    assertThat(response.status()).isEqualTo(404);
    assertThat(page.locator("p.error").textContent()).isEqualTo("no product shop.nothing on this platform (apply it first with mesh apply)");
    assertThat(page.locator("nav a").allTextContents()).containsExactly("Products", "Dashboard", "My access");
    shot("not-found");
    response = page.navigate(mesh.base + "/nowhere");
    assertThat(response.status()).isEqualTo(404);
    assertThat(page.locator("p.error").textContent()).isEqualTo("cannot show /nowhere: there is no such page");
  }

  private void logIn(String token) {
    if (!page.url().contains("/login")) {
      page.navigate(mesh.base + "/login");
    }
    page.locator("#token").fill(token);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    page.waitForLoadState();
    assertThat(page.url()).doesNotContain("/login");
  }

  private void logOut() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
    page.waitForURL("**/login");
  }

  private void shot(String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
  }
}
