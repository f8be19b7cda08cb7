package dev.meshwork.core.secrets;

import dev.meshwork.core.spi.SecretResolver;
import dev.meshwork.spec.Secrets;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves {@code ${env:NAME}} from the process environment and {@code ${file:/path}} from a
 * file's contents (one trailing newline dropped, as secret files usually end with one).
 */
public final class StandardSecretResolver implements SecretResolver {

  private static final long MAX_FILE_BYTES = 64 * 1024;

  private final Map<String, String> environment;

  public StandardSecretResolver(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public static StandardSecretResolver fromProcess() {
    return new StandardSecretResolver(System.getenv());
  }

  @Override
  public String resolve(String valueOrReference) {
    if (!Secrets.isReference(valueOrReference)) {
      return valueOrReference;
    }
    String body = valueOrReference.substring(2, valueOrReference.length() - 1);
    int colon = body.indexOf(':');
    String scheme = body.substring(0, colon);
    String name = body.substring(colon + 1);
    return scheme.equals("env") ? fromEnvironment(valueOrReference, name) : fromFile(valueOrReference, Path.of(name));
  }

  private String fromEnvironment(String reference, String name) {
    String value = environment.get(name);
    if (value == null) {
      throw new InvalidException("unresolved secret " + reference + ": environment variable " + name + " is not set");
    }
    return value;
  }

  private static String fromFile(String reference, Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new InvalidException("unresolved secret " + reference + ": the file is larger than 64 KiB");
      }
      String value = Files.readString(file, StandardCharsets.UTF_8);
      return value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
          : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
    } catch (NoSuchFileException e) {
      throw new InvalidException("unresolved secret " + reference + ": no such file");
    } catch (IOException e) {
      throw new InvalidException("unresolved secret " + reference + ": cannot read the file ("
          + e.getClass().getSimpleName() + ")");
    }
  }
}
