package dev.meshwork.core.spi;

/**
 * Turns a secret reference ({@code ${env:NAME}}, {@code ${file:/path}}) into its value at the
 * moment of use. Values are never stored or logged; messages name the reference, never a value.
 */
public interface SecretResolver {

  /**
   * The value a reference stands for; text that is not a reference is returned as it is.
   *
   * @throws dev.meshwork.spec.error.InvalidException when the reference cannot be resolved
   */
  String resolve(String valueOrReference);
}
