package dev.meshwork.examples;

import dev.meshwork.core.spi.EngineException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample mesh of {@code examples/} as shipped inside this module's jar: its specs, SQL and
 * DDL, without generated data. {@link #copyTo(Path)} writes it out, ready for
 * {@link ExampleData#writeFiles}.
 */
public final class ExampleMesh {

  private static final String ROOT = "/dev/meshwork/examples/mesh";

  private ExampleMesh() {}

  /** Writes the sample mesh's files below {@code target} (created when missing), replacing files of the same name. */
  public static void copyTo(Path target) {
    URL readme = ExampleMesh.class.getResource(ROOT + "/README.md");
    if (readme == null) {
      throw new EngineException("cannot copy the sample mesh: it is missing from the class path (" + ROOT + ")");
    }
    try {
      URI uri = readme.toURI();
      if (uri.getScheme().equals("jar")) {
        try (FileSystem jar = jarFileSystem(uri)) {
          copy(jar.getPath(ROOT), target);
        }
      } else {
        copy(Path.of(uri).getParent(), target);
      }
    } catch (IOException | URISyntaxException e) {
      throw new EngineException("cannot copy the sample mesh to " + target + ": " + e.getMessage(), e);
    }
  }

  /** A file system of its own on the jar, so that closing it leaves others' open. */
  private static FileSystem jarFileSystem(URI uri) throws IOException {
    String jar = uri.getSchemeSpecificPart();
    int separator = jar.indexOf("!/");
    Path file = Path.of(URI.create(separator < 0 ? jar : jar.substring(0, separator)));
    return FileSystems.newFileSystem(file, Map.of());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
