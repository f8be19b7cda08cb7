package dev.meshwork.core.spi;

import java.nio.file.Path;

/**
 * What the implementations are configured with, read from a home's {@code meshwork.yaml} and
 * with secrets already resolved: the metadata database (also the Iceberg catalog's database),
 * the lake directory where tables live, a directory for temporary files, and engine limits
 * ({@code threads} 0 and {@code memoryLimit} null mean the engine's defaults).
 */
public record Settings(String storeUrl, String storeUser, String storePassword, Path lake, Path temp,
                       int threads, String memoryLimit) {

  @Override
  public String toString() {
    return "Settings[" + storeUrl + ", user=" + storeUser + ", lake=" + lake + ", temp=" + temp + "]";
  }
}
