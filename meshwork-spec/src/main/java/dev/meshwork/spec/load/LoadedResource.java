package dev.meshwork.spec.load;

import dev.meshwork.spec.Resource;
import java.nio.file.Path;

/**
 * A resource together with where it came from: the file (as displayed and as a path), the
 * document's number in the file, and the parsed document, so later checks can point at fields.
 */
public record LoadedResource(Resource resource, String file, Path path, int document, Node root) {

  /** The position of a field path such as {@code spec.schema[3].type}, or of the nearest existing parent. */
  public Position positionOf(String fieldPath) {
    return Locator.find(root, fieldPath);
  }
}
