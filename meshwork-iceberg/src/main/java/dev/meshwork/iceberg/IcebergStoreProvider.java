package dev.meshwork.iceberg;

import dev.meshwork.core.spi.Provider;
import dev.meshwork.core.spi.Settings;
import dev.meshwork.core.spi.TableStore;

/** Registers {@link IcebergTableStore} as the {@code iceberg} table store. */
public final class IcebergStoreProvider implements Provider {

  @Override
  public String name() {
    return "iceberg";
  }

  @Override
  public Class<?> type() {
    return TableStore.class;
  }

  @Override
  public AutoCloseable create(Settings settings) {
    return new IcebergTableStore(settings.storeUrl(), settings.storeUser(), settings.storePassword(), settings.lake());
  }
}
