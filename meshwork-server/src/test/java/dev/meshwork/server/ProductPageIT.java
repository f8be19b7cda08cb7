package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import dev.meshwork.core.access.AccessAsk;
import dev.meshwork.core.identity.Identities;
import dev.meshwork.core.ops.BuildListener;
import dev.meshwork.core.ops.BuildRequest;
import dev.meshwork.core.spi.BuildRecord;
import dev.meshwork.spec.ProductRef;
import dev.meshwork.spec.load.Loader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product page in Chromium, for a chain of products: shop.sales (with a freshness SLA) read by
 * shop.daily (with a changelog and a README whose markup must stay text), read by shop.weekly;
 * bob holds a grant on shop.daily. Every product but shop.refunds, whose one build failed, is
 * built and published twice. No page may open a dialog.
 */
class ProductPageIT {

  static final String CHAIN = """
      ---
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: daily, domain: shop, title: Daily sales, owner: shop-team@example.com,
                 description: "Sales per <b>day</b>", tags: [sales, daily]}
      spec:
        version: 1.1.0
        classification: INTERNAL
        retentionDays: 365
        inputs: [{name: sales, product: shop.sales}]
        transform: {sql: "SELECT customer, CAST(SUM(amount) AS BIGINT) AS amount FROM sales GROUP BY customer"}
        schema:
          - {name: customer, type: string, required: true}
          - {name: amount, type: int64}
        quality:
          - {rule: rowCount, mustBeGreaterThan: 0}
        changelog:
          - {version: 1.1.0, date: 2026-11-02, note: "Amounts as <i>integers</i>"}
          - {version: 1.0.0, date: 2026-10-01, note: Initial release}
        readme: daily.md
      ---
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: weekly, domain: shop, title: Weekly sales, owner: shop-team@example.com,
                 tags: [sales, "<b>week</b> & more"]}
      spec:
        version: 1.0.0
        classification: INTERNAL
        retentionDays: 365
        inputs: [{name: daily, product: shop.daily}]
        transform: {sql: "SELECT CAST(SUM(amount) AS BIGINT) AS amount FROM daily"}
        schema:
          - {name: amount, type: int64}
        quality:
          - {rule: rowCount, mustBeGreaterThan: 5, severity: warn}
      """;

  /** The README of shop.daily, with markup and links that must never run. */
  static final String README = """
      # Reading shop.daily

      One row per **customer**, with the sum of their sales.

      - Join to `shop.sales` on `customer`.
      - Amounts are whole units; reconciliation happens upstream.

      <script>alert(1)</script>

      Inline: <img src=x onerror=alert(1)> and [a trap](javascript:alert(1)) and [the guide](https://example.com/guide).
      """;

  /** A product whose blocking rule the data fails: its one build fails. */
  static final String REFUNDS = """
      apiVersion: meshwork/v1
      kind: DataProduct
      metadata: {name: refunds, domain: shop, title: Refunds, owner: shop-team@example.com,
                 description: Money given back to customers}
      spec:
        version: 1.0.0
        classification: INTERNAL
        retentionDays: 365
        inputs: [{name: raw, source: sales-files, tables: [sales]}]
        transform: {sql: "SELECT CAST(id AS BIGINT) AS refund_id FROM raw.sales"}
        schema:
          - {name: refund_id, type: int64, required: true}
        quality:
          - {rule: rowCount, mustBeGreaterThan: 1000}
      """;

  @TempDir
  static Path dir;

  static Playwright playwright;
  static Browser browser;
  static MeshServer server;
  static String base;
  static String ownerToken;
  static BrowserContext context;
  static Page page;
  static final List<String> DIALOGS = new CopyOnWriteArrayList<>();
  static BuildRecord failed;

  @BeforeAll
  static void start() throws Exception {
    TestMesh.writeData(dir);
    Files.writeString(dir.resolve("daily.md"), README);
    Platform platform = Platform.open(new Home(dir.resolve("home")), Map.of(), Clock.systemUTC());
    Identities identities = platform.identities();
    identities.createUser("sam", "shop-team@example.com", null, false);
    identities.createUser("bob", "bob@example.com", null, false);
    ownerToken = identities.issueToken("sam", null).secret();
    String yaml = TestMesh.YAML.replace("  quality:\n", "  sla: {freshness: {maxAge: 1d}}\n  quality:\n");
    Loader.Result loaded = new Loader(dir).loadText(dir.resolve("mesh.yaml"), yaml + CHAIN);
    assertThat(loaded.problems()).isEmpty();
    platform.operations().apply(loaded.resources());
    platform.operations().build(BuildRequest.all(), BuildListener.NONE);
    assertThat(platform.operations().build(BuildRequest.all(), BuildListener.NONE))
        .extracting(BuildRecord::status).containsOnly(BuildRecord.Status.PUBLISHED);
    platform.monitor().check();
    Loader.Result refunds = new Loader(dir).loadText(dir.resolve("refunds.yaml"), REFUNDS);
    assertThat(refunds.problems()).isEmpty();
    platform.operations().apply(refunds.resources());
    failed = platform.operations().build(BuildRequest.of(ProductRef.parse("shop.refunds")), BuildListener.NONE).get(0);
    assertThat(failed.status()).isEqualTo(BuildRecord.Status.FAILED);
    platform.operationsFor(identities.principal("bob"))
        .requestAccess(new AccessAsk(ProductRef.parse("shop.daily"), "weekly <b>report</b>", false, null, null, null));
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withSpecBase(dir), TokenAuthorizer.of(identities));
    base = "http://127.0.0.1:" + server.port();
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(WebCatalogIT.CHROMIUM)
        .setHeadless(true).setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu")));
    context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    page = context.newPage();
    page.onDialog(dialog -> {
      DIALOGS.add(dialog.message());
      dialog.dismiss();
    });
    page.navigate(base + "/login");
    page.locator("#token").fill(ownerToken);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    page.waitForLoadState();
  }

  @AfterEach
  void noPageOpenedADialog() {
    assertThat(DIALOGS).as("dialogs opened by the pages").isEmpty();
  }

  @Test
  void theKeyboardReachesEverything() {
    page.navigate(base + "/dashboard");
    page.keyboard().press("Tab");
    assertThat(page.locator(":focus").textContent()).isEqualTo("Skip to content");
    page.keyboard().press("Enter");
    assertThat(page.locator(":focus").getAttribute("id")).isEqualTo("main");

    page.navigate(base + "/dashboard");
    tabUntil("#q");
    page.keyboard().type("weekly");
    page.keyboard().press("Enter");
    page.waitForURL("**/search?q=weekly");
    tabUntil("li.card h2 a");
    assertThat(page.locator(":focus").textContent()).isEqualTo("Weekly sales");
    page.keyboard().press("Enter");
    page.waitForURL("**/products/shop.weekly");
    tabUntil("#purpose");
    page.keyboard().type("forecast");
    tabUntil("button:has-text('Request access')");
    assertThat(page.locator(":focus").textContent()).isEqualTo("Request access");
  }

  /** Presses Tab until the focused element matches {@code selector}; fails after 60 presses. */
  private static void tabUntil(String selector) {
    for (int i = 0; i < 60; i++) {
      page.keyboard().press("Tab");
      if (page.locator(selector + ":focus").count() == 1) {
        return;
      }
    }
    throw new AssertionError("Tab never reached " + selector + " on " + page.url());
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void lineageShowsEveryLayerAsLinkedSvgNodesAndAsText() {
    page.navigate(base + "/products/shop.weekly");
    assertThat(page.locator("svg title#lineage-title").textContent()).isEqualTo("Lineage: 3 upstream, 0 downstream");
    assertThat(page.locator("svg a.node").evaluateAll("links => links.map(a => a.getAttribute('href'))"))
        .isEqualTo(List.of("/products/shop.sales", "/products/shop.daily", "/products/shop.weekly"));
    assertThat(page.locator("svg g.node.source title").textContent()).isEqualTo("source shop.sales-files");
    assertThat(page.locator("svg line.edge").count()).isEqualTo(3);
    assertThat(page.locator(".lineage li").allTextContents())
        .containsExactly("product shop.daily", "product shop.sales (2 steps away)", "source shop.sales-files (3 steps away)");

    page.locator("svg a.node[href='/products/shop.sales']").click();
    page.waitForURL("**/products/shop.sales");
    assertThat(page.locator(".lineage li a").allTextContents())
        .containsExactly("product shop.daily", "product shop.weekly (2 steps away)");
    assertThat(page.locator("svg a.node.self text").textContent()).isEqualTo("shop.sales");
  }

  @Test
  void qualityHistoryIsAChartWithTitlesAndFreshnessChangesATable() {
    page.navigate(base + "/products/shop.sales");
    assertThat(page.locator("#quality-chart-title").textContent())
        .isEqualTo("Quality score of the last 2 publish(es): latest 100%, lowest 100%");
    assertThat(page.locator("svg rect.bar.good").count()).isEqualTo(2);
    assertThat(page.locator("svg rect.bar title").first().textContent()).endsWith(", version 1.0.0: quality 100%");
    assertThat(page.locator("table.freshness-history tbody tr td:nth-child(3)").allTextContents()).containsExactly("fresh");
    assertThat(page.locator("table.freshness-history tbody tr td:nth-child(4)").textContent())
        .startsWith("shop.sales is fresh: its SLA is maxAge 1d, last published ");

    page.navigate(base + "/products/shop.weekly");
    assertThat(page.locator("#freshness-history + p").textContent()).isEqualTo("No change of freshness recorded.");
  }

  @Test
  void consumersAreTheGrantHoldersAndTheProductsReadingIt() {
    page.navigate(base + "/products/shop.daily");
    assertThat(page.locator("table.grants tbody tr td").allTextContents().subList(0, 3))
        .containsExactly("bob", "weekly <b>report</b>", "no");
    assertThat(page.locator("table.grants b").count()).isZero();
    assertThat(page.locator("ul.readers a").allTextContents()).containsExactly("shop.weekly");
    assertThat(page.locator("ul.readers a").getAttribute("href")).isEqualTo("/products/shop.weekly");

    page.navigate(base + "/products/shop.weekly");
    assertThat(page.locator("p.no-grants").textContent()).isEqualTo("No grant you may see.");
    assertThat(page.locator("p.no-readers").textContent()).isEqualTo("None.");
  }

  @Test
  void versionsShowTheCurrentOneAndTheChangelog() {
    page.navigate(base + "/products/shop.daily");
    assertThat(page.locator("p.current-version").textContent()).isEqualTo("Current version: 1.1.0");
    assertThat(page.locator("table.changelog tbody tr").allTextContents())
        .containsExactly("1.1.02026-11-02Amounts as <i>integers</i>", "1.0.02026-10-01Initial release");
    assertThat(page.locator("table.changelog i").count()).isZero();

    page.navigate(base + "/products/shop.weekly");
    assertThat(page.locator("p.no-changelog").textContent()).isEqualTo("No changelog.");
  }

  @Test
  void theReadmeFollowsTheDescriptionAndItsMarkupStaysText() {
    page.navigate(base + "/products/shop.daily");
    assertThat(page.locator("section.description + h2#readme").textContent()).isEqualTo("README");
    assertThat(page.locator("section.readme h3").textContent()).isEqualTo("Reading shop.daily");
    assertThat(page.locator("section.readme strong").textContent()).isEqualTo("customer");
    assertThat(page.locator("section.readme ul li").allTextContents())
        .containsExactly("Join to shop.sales on customer.",
            "Amounts are whole units; reconciliation happens upstream.");
    String text = page.locator("section.readme").textContent();
    assertThat(text).contains("<script>alert(1)</script>").contains("<img src=x onerror=alert(1)>");
    assertThat(page.locator("main script, main img, main [onerror]").count()).isZero();
    assertThat(page.locator("section.readme a").evaluateAll("links => links.map(a => a.getAttribute('href'))"))
        .isEqualTo(List.of("", "https://example.com/guide"));
    assertThat(page.locator("section.readme a").first().textContent()).isEqualTo("a trap");

    page.navigate(base + "/products/shop.weekly");
    assertThat(page.locator("#readme, section.readme").count()).isZero();
  }

  @Test
  void theReadmeIsInTheApiAndFindsItsProduct() {
    Http http = new Http(server.port(), ownerToken);
    JsonNode spec = http.get("/api/v1/products/shop.daily").json().get("product").get("spec");
    assertThat(spec.get("readme").asText()).isEqualTo(README);
    assertThat(spec.get("readmeFile").asText()).isEqualTo("daily.md");
    assertThat(http.get("/api/v1/search?q=reconciliation").json())
        .extracting(hit -> hit.get("product").asText() + " " + hit.get("matched"))
        .containsExactly("shop.daily [\"readme\"]");

    page.navigate(base + "/search?q=reconciliation");
    assertThat(page.locator("li.card h2").allTextContents()).containsExactly("Daily sales");
  }

  @Test
  void searchNarrowsByFreshnessAndQuality() {
    page.navigate(base + "/search?q=sales");
    assertThat(page.locator("ul.facet-freshness li").allTextContents()).containsExactly("fresh (1)", "no SLA (2)");
    assertThat(page.locator("ul.facet-quality li").allTextContents()).containsExactly("≥ 95 (2)", "< 80 (1)");
    assertThat(page.locator("ul.facet-quality a").first().getAttribute("href")).isEqualTo("/search?q=sales&quality=good");

    page.locator("ul.facet-freshness a", new Page.LocatorOptions().setHasText("fresh")).click();
    page.waitForURL("**/search?q=sales&freshness=fresh");
    assertThat(page.locator("p.count").textContent()).isEqualTo("1 product(s) with freshness fresh");
    assertThat(page.locator("ul.facet-quality li").allTextContents()).containsExactly("≥ 95 (1)");
    assertThat(page.locator("ul.facet-freshness li").allTextContents()).containsExactly("fresh (1)", "no SLA (2)");
    page.locator("ul.facet-quality a", new Page.LocatorOptions().setHasText("≥ 95")).click();
    page.waitForURL("**/search?q=sales&freshness=fresh&quality=good");
    assertThat(page.locator("p.count").textContent()).isEqualTo("1 product(s) with freshness fresh, quality ≥ 95");
    assertThat(page.locator("ul.facet-freshness a.active").getAttribute("href")).isEqualTo("/search?q=sales&quality=good");

    page.navigate(base + "/search?quality=bad");
    assertThat(page.locator("p.count").textContent()).isEqualTo("1 product(s) with quality < 80");
    assertThat(page.locator("li.card h2").allTextContents()).containsExactly("Weekly sales");
    assertThat(page.locator("li.card .quality-bad").textContent()).isEqualTo("quality 0%");
  }

  @Test
  void tagsAreAFacetAndLinksOnTheCards() {
    page.navigate(base + "/search?q=sales");
    assertThat(page.locator("ul.facet-tag li").allTextContents()).containsExactly("<b>week</b> & more (1)", "daily (1)", "sales (2)");
    page.locator("ul.facet-tag a", new Page.LocatorOptions().setHasText("sales")).click();
    page.waitForURL("**/search?q=sales&tag=sales");
    assertThat(page.locator("li.card h2").allTextContents()).containsExactlyInAnyOrder("Daily sales", "Weekly sales");
    assertThat(page.locator("p.count").textContent()).isEqualTo("2 product(s) with tag sales");

    page.locator("li.card a.tag", new Page.LocatorOptions().setHasText("<b>week</b> & more")).click();
    page.waitForURL("**/search?tag=%3Cb%3Eweek%3C%2Fb%3E+%26+more");
    assertThat(page.locator("li.card h2").allTextContents()).containsExactly("Weekly sales");
    assertThat(page.locator("p.count").textContent()).isEqualTo("1 product(s) with tag <b>week</b> & more");
    assertThat(page.locator("main b").count()).isZero();
  }

  @Test
  void theDashboardShowsPublishedAndFailedBuildsPerDayAsStackedBarsAndAsATable() {
    String day = LocalDate.ofInstant(failed.startedAt(), ZoneOffset.UTC).toString();
    page.navigate(base + "/dashboard");
    assertThat(page.locator("#builds-chart-title").textContent())
        .isEqualTo("Builds per day over the last 14 days: 6 published, 1 failed");
    Locator published = page.locator("svg rect.bar.good");
    Locator failedBar = page.locator("svg rect.bar.bad");
    assertThat(published.locator("title").allTextContents()).containsExactly(day + ": 6 published");
    assertThat(failedBar.locator("title").allTextContents()).containsExactly(day + ": 1 failed");
    assertThat(number(failedBar, "y") + number(failedBar, "height")).isEqualTo(number(published, "y"));
    assertThat(number(published, "height")).isEqualTo(6 * number(failedBar, "height"));
    assertThat(page.locator("svg text.day").allTextContents()).hasSize(14).endsWith(day.substring(5));
    assertThat(page.locator("table.builds-per-day tbody tr").allTextContents()).containsExactly(day + "61");
    assertThat(page.locator("table.builds-per-day thead th").allTextContents()).containsExactly("Day", "Published", "Failed");
    page.screenshot(new Page.ScreenshotOptions().setPath(WebCatalogIT.SHOTS.resolve("dashboard-builds.png")).setFullPage(true));
    Locator shop = page.locator("table", new Page.LocatorOptions().setHasText("SLA adherence")).locator("tbody tr");
    assertThat(shop.locator("td").allTextContents()).containsExactly("shop", "4", "1", "0", "3", "100%", "67%");

    page.navigate(base + "/domains/shop");
    assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Refunds")).locator("td:nth-child(5)").textContent())
        .isEqualTo("failed");
  }

  private static int number(Locator element, String attribute) {
    return Integer.parseInt(element.getAttribute(attribute));
  }

  @Test
  void aFacetValueNobodyHasFindsNothing() {
    page.navigate(base + "/search?freshness=%3Cb%3Elate%3C%2Fb%3E");
    assertThat(page.locator("p.count").textContent()).isEqualTo("0 product(s) with freshness <b>late</b>");
    assertThat(page.locator("main b").count()).isZero();
  }
}
