package dev.meshwork.core;

import java.nio.file.Path;
import java.util.Map;

/** Where a platform keeps its state: {@code --home}, else {@code MESH_HOME}, else {@code ./.meshwork}. */
public record Home(Path dir) {

  public static final String ENV = "MESH_HOME";
  public static final String DEFAULT = ".meshwork";

  public Home {
    dir = dir.toAbsolutePath().normalize();
  }

  public static Home locate(Path option, Map<String, String> env) {
    if (option != null) {
      return new Home(option);
    }
    String fromEnv = env.get(ENV);
    return new Home(fromEnv == null || fromEnv.isBlank() ? Path.of(DEFAULT) : Path.of(fromEnv));
  }
}
