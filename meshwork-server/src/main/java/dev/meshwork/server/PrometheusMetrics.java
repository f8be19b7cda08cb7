package dev.meshwork.server;

import dev.meshwork.core.metrics.Metrics;
import dev.meshwork.core.spi.BuildRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's metrics, in a Micrometer registry of its own, served at {@code /metrics} in the
 * Prometheus text format: builds by product and status, their durations, rows published, each
 * product's last quality score, HTTP requests by route template, method and status, late
 * products, access requests by decision and the time to access, and the JVM's memory, threads,
 * CPU and uptime.
 */
public final class PrometheusMetrics implements Metrics {

  /** The content type of the Prometheus text format. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  /** The route tag of a request that matched no route. */
  static final String UNMATCHED = "unmatched";

  private static final Duration[] REQUEST_BUCKETS = seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);
  private static final Duration[] BUILD_BUCKETS = seconds(1, 5, 15, 60, 300, 900, 3600);
  private static final Duration[] ACCESS_BUCKETS = seconds(3600, 4 * 3600, 86400, 3 * 86400, 7 * 86400);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicLong> qualityScores = new ConcurrentHashMap<>();
  private final AtomicInteger lateProducts = new AtomicInteger();

  public PrometheusMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Gauge.builder("meshwork.late.products", lateProducts, AtomicInteger::get)
        .description("Products past their freshness SLA without a publish").register(registry);
  }

  @Override
  public void built(BuildRecord build) {
    String product = build.product().toString();
    String status = build.status().name();
    Counter.builder("meshwork.builds").description("Builds that ended, by product and status")
        .tag("product", product).tag("status", status).register(registry).increment();
    if (build.finishedAt() != null) {
      Timer.builder("meshwork.build.duration").description("How long builds took, by product and status")
          .tag("product", product).tag("status", status).serviceLevelObjectives(BUILD_BUCKETS).register(registry)
          .record(Duration.between(build.startedAt(), build.finishedAt()));
    }
    if (build.status() == BuildRecord.Status.PUBLISHED) {
      Counter.builder("meshwork.rows.published").description("Rows of the snapshots published, by product")
          .tag("product", product).register(registry).increment(build.rows());
    }
    if (build.qualityScore() != null) {
      qualityScores.computeIfAbsent(product, this::qualityGauge).set(Double.doubleToLongBits(build.qualityScore()));
    }
  }

  @Override
  public void lateProducts(int count) {
    lateProducts.set(count);
  }

  @Override
  public void accessRequest(String decision) {
    Counter.builder("meshwork.access.requests").description("Access requests decided, by decision")
        .tag("decision", decision).register(registry).increment();
  }

  @Override
  public void timeToAccess(Duration leadTime) {
    Timer.builder("meshwork.time.to.access").description("From an access request to its grant")
        .serviceLevelObjectives(ACCESS_BUCKETS).register(registry).record(leadTime);
  }

  /** A request answered: its route template ({@link #UNMATCHED} when none), method, status and duration. */
  void request(String route, String method, int status, long nanos) {
    Timer.builder("meshwork.http.requests").description("HTTP requests, by route template, method and status")
        .tag("route", route).tag("method", method).tag("status", String.valueOf(status))
        .serviceLevelObjectives(REQUEST_BUCKETS).register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Every metric, in the Prometheus text format. */
  String scrape() {
    return registry.scrape();
  }

  private AtomicLong qualityGauge(String product) {
    AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    Gauge.builder("meshwork.quality.score", bits, held -> Double.longBitsToDouble(held.get()))
        .description("Each product's quality score from its last build that measured one: the percentage of rules passed")
        .tag("product", product).register(registry);
    return bits;
  }

  private static Duration[] seconds(double... values) {
    Duration[] durations = new Duration[values.length];
    for (int i = 0; i < values.length; i++) {
      durations[i] = Duration.ofNanos((long) (values[i] * 1_000_000_000L));
    }
    return durations;
  }
}
