package dev.meshwork.jdbc;

import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.Provider;
import dev.meshwork.core.spi.Settings;

/** The {@code jdbc} metadata store, on the database the settings name. */
public final class JdbcStoreProvider implements Provider {

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public Class<?> type() {
    return MetadataStore.class;
  }

  @Override
  public MetadataStore create(Settings settings) {
    return new JdbcMetadataStore(settings.storeUrl(), settings.storeUser(), settings.storePassword());
  }
}
