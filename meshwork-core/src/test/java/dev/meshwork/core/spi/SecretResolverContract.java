package dev.meshwork.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwork.spec.error.InvalidException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SecretResolver} guarantees. An implementation's test extends this and builds
 * a resolver that knows exactly the environment variables given.
 */
public abstract class SecretResolverContract {

  protected abstract SecretResolver resolverWith(Map<String, String> environment);

  @Test
  void resolvesEnvironmentReferences() {
    assertThat(resolverWith(Map.of("DB_PASSWORD", "s3cret")).resolve("${env:DB_PASSWORD}")).isEqualTo("s3cret");
  }

  @Test
  void leavesPlainValuesAlone() {
    SecretResolver resolver = resolverWith(Map.of());
    assertThat(resolver.resolve("reader")).isEqualTo("reader");
    assertThat(resolver.resolve("${env:}")).isEqualTo("${env:}");
  }

  @Test
  void anUnsetVariableIsAnErrorThatNamesOnlyTheReference() {
    assertThatThrownBy(() -> resolverWith(Map.of("OTHER", "s3cret")).resolve("${env:DB_PASSWORD}"))
        .isInstanceOf(InvalidException.class)
        .hasMessage("unresolved secret ${env:DB_PASSWORD}: environment variable DB_PASSWORD is not set")
        .message().doesNotContain("s3cret");
  }
}
