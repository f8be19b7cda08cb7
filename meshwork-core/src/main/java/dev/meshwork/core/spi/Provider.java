package dev.meshwork.core.spi;

/**
 * Makes one implementation of an SPI. Implementations register a provider in
 * {@code META-INF/services/dev.meshwork.core.spi.Provider}; the platform picks, for each SPI,
 * the provider whose {@link #name()} the configuration names ({@code duckdb}, {@code iceberg},
 * {@code jdbc} by default).
 */
public interface Provider {

  /** The name the configuration uses for this implementation. */
  String name();

  /** The SPI implemented: {@link Engine}, {@link TableStore} or {@link MetadataStore}. */
  Class<?> type();

  /** A new instance configured with {@code settings}; the caller closes it. */
  AutoCloseable create(Settings settings);
}
