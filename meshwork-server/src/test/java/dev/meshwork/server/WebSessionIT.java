package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web catalog's sessions over plain HTTP: the cookie, logging in and out, sessions outliving a
 * restart, and forms refused without their CSRF token.
 */
class WebSessionIT {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @TempDir
  Path dir;

  WebMesh mesh;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    mesh = new WebMesh(dir);
  }

  @AfterEach
  void stop() {
    mesh.close();
  }

  @Test
  void anonymousVisitorsGoToTheLoginPage() throws Exception {
    HttpResponse<String> home = get("/products/shop.sales?tab=1", null);
    assertThat(home.statusCode()).isEqualTo(303);
    assertThat(home.headers().firstValue("Location")).hasValue("/login?next=%2Fproducts%2Fshop.sales%3Ftab%3D1");
    HttpResponse<String> login = get("/login", null);
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).matches("mw_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax");
  }

  @Test
  void loggingInOpensASessionAndLoggingOutEndsIt() throws Exception {
    Visitor visitor = loginPage(null);
    HttpResponse<String> bad = post("/login", visitor.cookie, "csrf=" + visitor.csrf + "&token=mw_nothing&next=%2Fme");
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(bad.body()).contains("cannot log in: invalid token");

    HttpResponse<String> in = post("/login", visitor.cookie, "csrf=" + visitor.csrf + "&token=" + mesh.consumerToken
        + "&next=" + URLEncoder.encode("//evil.example.com", StandardCharsets.UTF_8));
    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("Location")).hasValue("/");
    String cookie = cookie(in);
    assertThat(cookie).isNotEqualTo(visitor.cookie);
    HttpResponse<String> me = get("/me", cookie);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'none'");
    String csrf = csrf(me.body());

    HttpResponse<String> out = post("/logout", cookie, "csrf=" + csrf);
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(get("/me", cookie).statusCode()).isEqualTo(303);
  }

  @Test
  void aSessionOutlivesARestartUntilLoggingOutEndsItForGood() throws Exception {
    String cookie = loginAs(mesh.consumerToken);
    String csrf = csrf(get("/me", cookie).body());
    mesh.server.stop();

    try (MeshServer restarted = restart()) {
      String base = "http://127.0.0.1:" + restarted.port();
      HttpResponse<String> me = get(base, "/me", cookie);
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("bob");
      assertThat(csrf(me.body())).isEqualTo(csrf);

      assertThat(post(base, "/logout", cookie, "csrf=" + csrf).statusCode()).isEqualTo(303);
      HttpResponse<String> after = get(base, "/me", cookie);
      assertThat(after.statusCode()).isEqualTo(303);
      assertThat(after.headers().firstValue("Location")).hasValue("/login?next=%2Fme");
    }
    try (MeshServer again = restart()) {
      assertThat(get("http://127.0.0.1:" + again.port(), "/me", cookie).statusCode()).isEqualTo(303);
    }
  }

  @Test
  void aRevokedTokenEndsItsSessionsAtTheNextPage() throws Exception {
    Visitor visitor = loginPage(null);
    String cookie = cookie(post("/login", visitor.cookie, "csrf=" + visitor.csrf + "&token=" + mesh.consumerToken));
    HttpResponse<String> me = get("/me", cookie);
    assertThat(me.statusCode()).isEqualTo(200);
    String csrf = csrf(me.body());

    mesh.identities.revoke(mesh.identities.tokens("bob").get(0).id());
    HttpResponse<String> after = get("/me", cookie);
    assertThat(after.statusCode()).isEqualTo(303);
    assertThat(after.headers().firstValue("Location")).hasValue("/login?next=%2Fme&ended=revoked");
    HttpResponse<String> login = get("/login?next=%2Fme&ended=revoked", null);
    assertThat(login.body()).contains("<p class=\"error\" role=\"alert\">Your session ended: token revoked. Log in again.</p>");
    assertThat(get("/login?ended=%3Cb%3Ehi%3C%2Fb%3E", null).body()).doesNotContain("role=\"alert\"").doesNotContain("<b>hi");
    HttpResponse<String> form = post("/access/nothing/revoke", cookie, "csrf=" + csrf);
    assertThat(form.statusCode()).isEqualTo(403);
    assertThat(form.body()).contains("cannot accept the form: you are not logged in");
  }

  @Test
  void formsWithoutTheSessionsCsrfTokenAreRefused() throws Exception {
    Visitor visitor = loginPage(null);
    HttpResponse<String> noToken = post("/login", visitor.cookie, "token=" + mesh.consumerToken);
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body()).contains("cannot accept the form: its CSRF token is missing or wrong; reload the page and try again");

    String cookie = cookie(post("/login", visitor.cookie, "csrf=" + visitor.csrf + "&token=" + mesh.consumerToken));
    HttpResponse<String> wrong = post("/products/shop.customers/access", cookie, "csrf=" + visitor.csrf + "&purpose=x");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).contains("<h1>403 · Forbidden</h1>")
        .contains("cannot accept the form: its CSRF token is missing or wrong; reload the page and try again");
    HttpResponse<String> none = post("/products/shop.customers/access", cookie, "purpose=x");
    assertThat(none.statusCode()).isEqualTo(403);
    HttpResponse<String> product = get("/products/shop.customers", cookie);
    assertThat(product.body()).doesNotContain("Your request of");

    HttpResponse<String> asked = post("/products/shop.customers/access", cookie, "csrf=" + csrf(product.body()) + "&purpose=churn");
    assertThat(asked.statusCode()).isEqualTo(303);
    assertThat(get("/products/shop.customers", cookie).body()).contains("(churn): <strong>pending</strong>");
  }

  @Test
  void theCookieIsSecureBehindHttps() throws Exception {
    HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(mesh.base + "/login"))
        .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).endsWith("; HttpOnly; SameSite=Lax; Secure");
  }

  @Test
  void theApiKeepsAnsweringInJson() throws Exception {
    HttpResponse<String> missing = get("/api/v1/nothing", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).startsWith("{\"error\":\"not_found\"");
    HttpResponse<String> page = get("/nowhere", loginAs(mesh.consumerToken));
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("cannot show /nowhere: there is no such page");
  }

  private record Visitor(String cookie, String csrf) {}

  /** Another server on the same home, as when the first one stopped and started again. */
  private MeshServer restart() {
    Platform platform = Platform.open(new Home(dir.resolve("home")), Map.of(), Clock.systemUTC());
    return MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withSpecBase(dir),
        TokenAuthorizer.of(platform.identities()));
  }

  private Visitor loginPage(String cookie) throws Exception {
    HttpResponse<String> page = get("/login", cookie);
    return new Visitor(cookie(page), csrf(page.body()));
  }

  private String loginAs(String token) throws Exception {
    Visitor visitor = loginPage(null);
    return cookie(post("/login", visitor.cookie, "csrf=" + visitor.csrf + "&token=" + token));
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    return get(mesh.base, path, cookie);
  }

  private HttpResponse<String> get(String base, String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
    return post(mesh.base, path, cookie, form);
  }

  private HttpResponse<String> post(String base, String path, String cookie, String form) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String cookie(HttpResponse<String> response) {
    return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
  }

  private static String csrf(String html) {
    Matcher matcher = CSRF.matcher(html);
    assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
    return matcher.group(1);
  }
}
