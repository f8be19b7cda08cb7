package dev.meshwork.duckdb;

import dev.meshwork.core.spi.Engine;
import dev.meshwork.core.spi.Provider;
import dev.meshwork.core.spi.Settings;

/** Registers {@link DuckDbEngine} as the engine named {@code duckdb}. */
public final class DuckDbEngineProvider implements Provider {

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public Class<?> type() {
    return Engine.class;
  }

  @Override
  public DuckDbEngine create(Settings settings) {
    return new DuckDbEngine(settings.threads(), settings.memoryLimit(), settings.temp());
  }
}
