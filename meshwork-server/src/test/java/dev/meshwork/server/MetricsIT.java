package dev.meshwork.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwork.core.Home;
import dev.meshwork.core.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} after builds and requests through a real server, in the Prometheus text format. */
class MetricsIT {

  @TempDir
  static Path dir;

  static Platform platform;
  static MeshServer server;
  static Http http;

  @BeforeAll
  static void start() {
    TestMesh.writeData(dir);
    platform = Platform.open(new Home(dir.resolve("home")), Map.of(), Clock.systemUTC());
    String admin = platform.identities().ensureAdmin().orElseThrow().secret();
    server = MeshServer.start(platform, ServerOptions.of("127.0.0.1", 0).withSpecBase(dir), TokenAuthorizer.of(platform.identities()));
    http = new Http(server.port(), admin);
    Http.Response applied = http.send("POST", "/api/v1/resources", "application/yaml", TestMesh.YAML + "---\n" + TestMesh.STRICT);
    assertThat(applied.status()).as(applied.text()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/products/shop.sales/builds", "{}").status()).isEqualTo(200);
    assertThat(http.postJson("/api/v1/products/shop.strict_sales/builds", "{}").status()).isEqualTo(422);
    assertThat(http.get("/api/v1/products/shop.sales").status()).isEqualTo(200);
    assertThat(http.get("/api/v1/products/shop.sales").status()).isEqualTo(200);
    assertThat(http.get("/api/v1/products/shop.nothing").status()).isEqualTo(404);
    assertThat(http.get("/no/such/route").status()).isEqualTo(404);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void countsBuildsByProductAndStatusWithTheirDurationsRowsAndQuality() {
    List<String> lines = scrape();
    assertThat(lines).contains(
        "# TYPE meshwork_builds_total counter",
        "meshwork_builds_total{product=\"shop.sales\",status=\"PUBLISHED\"} 1.0",
        "meshwork_builds_total{product=\"shop.strict_sales\",status=\"FAILED\"} 1.0",
        "meshwork_build_duration_seconds_count{product=\"shop.sales\",status=\"PUBLISHED\"} 1",
        "meshwork_build_duration_seconds_bucket{product=\"shop.sales\",status=\"PUBLISHED\",le=\"3600.0\"} 1",
        "meshwork_rows_published_total{product=\"shop.sales\"} 3.0",
        "meshwork_quality_score{product=\"shop.sales\"} 100.0",
        "meshwork_quality_score{product=\"shop.strict_sales\"} 50.0");
    assertThat(lines).noneMatch(line -> line.startsWith("meshwork_rows_published_total{product=\"shop.strict_sales\""));
  }

  @Test
  void timesRequestsByRouteTemplateMethodAndStatus() {
    List<String> lines = scrape();
    assertThat(lines).contains(
        "# TYPE meshwork_http_requests_seconds histogram",
        "meshwork_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/products/{ref}\",status=\"200\"} 2",
        "meshwork_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/products/{ref}\",status=\"404\"} 1",
        "meshwork_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/products/{ref}/builds\",status=\"200\"} 1",
        "meshwork_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/products/{ref}/builds\",status=\"422\"} 1",
        "meshwork_http_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 1");
    assertThat(lines).anyMatch(line -> line.startsWith(
        "meshwork_http_requests_seconds_bucket{method=\"GET\",route=\"/api/v1/products/{ref}\",status=\"200\",le=\"0.05\"} "));
    assertThat(lines).noneMatch(line -> line.contains("shop.sales\",status=\"200\"") || line.contains("/no/such/route"));
  }

  @Test
  void recordsWhatOtherPartsOfThePlatformReport() {
    platform.metrics().lateProducts(2);
    platform.metrics().accessRequest("approved");
    platform.metrics().accessRequest("approved");
    platform.metrics().accessRequest("denied");
    platform.metrics().timeToAccess(Duration.ofHours(2));
    List<String> lines = scrape();
    assertThat(lines).contains(
        "meshwork_late_products 2.0",
        "meshwork_access_requests_total{decision=\"approved\"} 2.0",
        "meshwork_access_requests_total{decision=\"denied\"} 1.0",
        "meshwork_time_to_access_seconds_count 1",
        "meshwork_time_to_access_seconds_sum 7200.0",
        "meshwork_time_to_access_seconds_bucket{le=\"14400.0\"} 1");
  }

  @Test
  void needsAToken() {
    Http.Response anonymous = http.as(null).get("/metrics");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("message").asText()).isEqualTo("missing bearer token");
  }

  @Test
  void includesTheJvm() {
    assertThat(scrape()).anyMatch(line -> line.startsWith("jvm_memory_used_bytes{"))
        .anyMatch(line -> line.startsWith("process_uptime_seconds "));
  }

  private static List<String> scrape() {
    Http.Response response = http.get("/metrics");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo(PrometheusMetrics.CONTENT_TYPE);
    return response.text().lines().toList();
  }
}
