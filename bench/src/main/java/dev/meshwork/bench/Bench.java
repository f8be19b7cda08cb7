package dev.meshwork.bench;

import dev.meshwork.core.spi.Engine;
import dev.meshwork.core.spi.Provider;
import dev.meshwork.core.spi.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/** Runs the benchmarks named on the command line: build-overhead, quality, pg-ingest, or all. */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    String which = args.length == 0 ? "all" : args[0];
    Long rows = null;
    for (int i = 1; i < args.length - 1; i++) {
      if (args[i].equals("--rows")) {
        rows = Long.parseLong(args[i + 1].replace("_", ""));
      }
    }
    List<String> names = which.equals("all") ? List.of("build-overhead", "quality", "pg-ingest") : List.of(which);
    for (String name : names) {
      switch (name) {
        case "build-overhead" -> BuildOverhead.run(rows == null ? 10_000_000 : rows);
        case "quality" -> QualityScan.run(rows == null ? 20_000_000 : rows);
        case "pg-ingest" -> PostgresIngest.run(rows == null ? 2_000_000 : rows);
        default -> throw new IllegalArgumentException("unknown benchmark " + name
            + " (expected build-overhead, quality, pg-ingest or all)");
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

  /** Seconds, with milliseconds. */
  static double seconds(long nanos) {
    return Math.round(nanos / 1_000_000.0) / 1000.0;
  }
}
