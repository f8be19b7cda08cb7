package dev.meshwork.core.policy;

import dev.meshwork.spec.load.LoadedResource;
import dev.meshwork.spec.load.Loader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The built-in policy pack shipped with Meshwork: real Policy resources, read from the jar. */
public final class BuiltinPolicies {

  /** How the pack's file is named in messages. */
  public static final String FILE = "builtin:policies.yaml";

  private static final String RESOURCE = "/dev/meshwork/core/policies/builtin.yaml";

  private BuiltinPolicies() {}

  public static List<LoadedResource> load() {
    try (InputStream in = BuiltinPolicies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the built-in policy pack is missing from the jar");
      }
      Loader.Result result = new Loader(Path.of("/")).loadText(Path.of("/" + FILE), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!result.problems().isEmpty()) {
        throw new IllegalStateException("the built-in policy pack does not load: " + result.problems());
      }
      return result.resources();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
