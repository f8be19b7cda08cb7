package dev.meshwork.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.spi.MetadataStore;
import dev.meshwork.core.spi.Provider;
import dev.meshwork.core.spi.Settings;
import dev.meshwork.core.spi.StoredResource;
import dev.meshwork.spec.Kind;
import dev.meshwork.spec.error.InvalidException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoreProviderTest {

  @TempDir
  Path dir;

  @Test
  void theProviderIsRegisteredAndOpensTheConfiguredStore() throws Exception {
    Provider provider = ServiceLoader.load(Provider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("jdbc")).findFirst().orElseThrow();
    Settings settings = new Settings("jdbc:h2:file:" + dir.resolve("meta"), "meshwork", "s3cret", dir, dir, 0, null);

    assertThat(provider.type()).isEqualTo(MetadataStore.class);
    try (MetadataStore store = (MetadataStore) provider.create(settings)) {
      store.apply(List.of(new StoredResource(Kind.DOMAIN, "orders", null, "kind: Domain", "h1", 0, null)));
      assertThat(store.resources(Kind.DOMAIN)).extracting(StoredResource::id).containsExactly("orders");
    }
  }

  @Test
  void anUnreachableServerIsReportedWithoutThePassword() {
    assertThatThrownBy(() -> new JdbcMetadataStore("jdbc:postgresql://127.0.0.1:1/meta?password=s3cret", "meshwork",
        "s3cret"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot open the metadata store at jdbc:postgresql://127.0.0.1:1/meta?password=***: Connection to "
            + "127.0.0.1:1 refused. Check that the hostname and port are correct and that the postmaster is accepting "
            + "TCP/IP connections.");
  }

  @Test
  void anUnknownKindOfDatabaseIsReportedWithoutThePassword() {
    assertThatThrownBy(() -> new JdbcMetadataStore("jdbc:nothing:meta;password=s3cret", null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot open the metadata store at jdbc:nothing:meta;password=***: No suitable driver found for "
            + "jdbc:nothing:meta;password=***");
  }

  @Test
  void aMissingUrlIsReported() {
    assertThatThrownBy(() -> new JdbcMetadataStore(" ", null, null))
        .isInstanceOf(InvalidException.class)
        .hasMessage("cannot open the metadata store: no database URL is configured");
  }
}
