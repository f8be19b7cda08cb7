package dev.meshwork.bench;

import dev.meshwork.core.spi.Engine;
import dev.meshwork.core.spi.Provider;
import dev.meshwork.core.spi.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Runs the benchmarks named on the command line (several separated by commas): build-overhead,
 * quality, pg-ingest, api-latency, catalog-page, cold-start, idle-memory, or all.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    String which = args.length == 0 ? "all" : args[0];
    Long rows = null;
    int products = 10_000;
    int threads = 8;
    int seconds = 20;
    int built = 300;
    for (int i = 1; i < args.length - 1; i++) {
      String value = args[i + 1].replace("_", "");
      switch (args[i]) {
        case "--rows" -> rows = Long.parseLong(value);
        case "--products" -> products = Integer.parseInt(value);
        case "--threads" -> threads = Integer.parseInt(value);
        case "--seconds" -> seconds = Integer.parseInt(value);
        case "--built" -> built = Integer.parseInt(value);
        default -> { }
      }
    }
    List<String> names = which.equals("all")
        ? List.of("build-overhead", "quality", "pg-ingest", "api-latency", "catalog-page", "cold-start", "idle-memory")
        : List.of(which.split(","));
    for (String name : names) {
      switch (name) {
        case "build-overhead" -> BuildOverhead.run(rows == null ? 10_000_000 : rows);
        case "quality" -> QualityScan.run(rows == null ? 20_000_000 : rows);
        case "pg-ingest" -> PostgresIngest.run(rows == null ? 2_000_000 : rows);
        case "api-latency" -> ApiLatency.run(products, threads, Duration.ofSeconds(Math.max(1, seconds / 4)),
            Duration.ofSeconds(seconds));
        case "catalog-page" -> CatalogPage.run(products, built, threads, Duration.ofSeconds(Math.max(1, seconds / 4)),
            Duration.ofSeconds(seconds));
        case "cold-start" -> ServeStartup.coldStart(products);
        case "idle-memory" -> ServeStartup.idleMemory(products);
        default -> throw new IllegalArgumentException("unknown benchmark " + name
            + " (expected build-overhead, quality, pg-ingest, api-latency, catalog-page, cold-start, idle-memory or all)");
      }
    }
  }

  /** The DuckDB engine, found as the platform finds it. */
  static Engine engine(Path work) {
    Settings settings = new Settings(null, null, null, work, work, 0, null);
    for (Provider provider : ServiceLoader.load(Provider.class)) {
      if (provider.type() == Engine.class && provider.name().equals("duckdb")) {
        return (Engine) provider.create(settings);
      }
    }
    throw new IllegalStateException("no duckdb engine on the classpath");
  }

  static void report(String line) {
    System.out.println(line);
    System.out.flush();
  }

  /** The system's load averages (1, 5 and 15 minutes), which say how much else ran meanwhile. */
  static String loadAverage() {
    try {
      String[] load = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
      return load[0] + " " + load[1] + " " + load[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** Seconds, with milliseconds. */
  static double seconds(long nanos) {
    return Math.round(nanos / 1_000_000.0) / 1000.0;
  }
}
