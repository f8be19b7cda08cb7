package dev.meshwork.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.core.spi.SecretResolver;
import dev.meshwork.core.spi.SecretResolverContract;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandardSecretResolverTest extends SecretResolverContract {

  @TempDir
  Path dir;

  @Override
  protected SecretResolver resolverWith(Map<String, String> environment) {
    return new StandardSecretResolver(environment);
  }

  @Test
  void readsSecretFilesDroppingOneTrailingNewline() throws IOException {
    Path file = dir.resolve("db-password");
    Files.writeString(file, "s3cret\n");

    assertThat(resolverWith(Map.of()).resolve("${file:" + file + "}")).isEqualTo("s3cret");
  }

  @Test
  void aMissingSecretFileIsAnError() {
    Path file = dir.resolve("nope");

    assertThatThrownBy(() -> resolverWith(Map.of()).resolve("${file:" + file + "}"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("unresolved secret ${file:" + file + "}: no such file");
  }
}
