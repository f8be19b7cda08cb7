package dev.meshwork.spec.load;

import java.io.IOException;
import java.nio.file.Files;
import dev.meshwork.spec.Secrets;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the files a spec names lie (a transform's SQL, a README, a files source's data): relative
 * names resolve beside the spec file. A loader confined to a folder (a server reading specs sent
 * to it) also refuses any path that leads outside that folder, by {@code ..}, by an absolute path
 * or through a symbolic link, and secret references other than the environment variables it is
 * allowed ({@code NAME}, or {@code PREFIX_*}) and files inside its folders.
 */
final class SpecPaths {

  private static final String GLOB = "*?[{";

  private final Path specFile;
  private final List<Path> confine;
  private final List<String> secretNames;

  /**
   * {@code confine} (absolute, normalized folders) null when the spec may name any file and any
   * secret; {@code secretNames} the environment variables a confined spec may refer to.
   */
  SpecPaths(Path specFile, List<Path> confine, List<String> secretNames) {
    this.specFile = specFile;
    this.confine = confine;
    this.secretNames = secretNames == null ? List.of() : secretNames;
  }

  /**
   * Whether {@code value}, a literal or a secret reference, may be read; false with a problem at
   * {@code field} for a reference a confined loader does not allow.
   */
  boolean secretAllowed(String value, Node field, String path, Problems problems) {
    if (confine == null || !Secrets.isReference(value)) {
      return true;
    }
    String body = value.substring(2, value.length() - 1);
    if (body.startsWith("env:")) {
      String name = body.substring("env:".length());
      if (secretNames.stream().anyMatch(allowed -> allowed.endsWith("*")
          ? name.startsWith(allowed.substring(0, allowed.length() - 1)) : name.equals(allowed))) {
        return true;
      }
      problems.error(field, path, "'" + value + "' is not a secret specs sent here may read: the server's"
          + " meshwork.yaml lists those under server.secrets" + (secretNames.isEmpty() ? " (it lists none)"
          : " (" + String.join(", ", secretNames) + ")"));
      return false;
    }
    return resolveInside(body.substring("file:".length()), field, path, problems) != null;
  }

  /** A path, a file or a glob, resolved beside the spec and normalized. */
  private Path resolve(String name) {
    return specFile.toAbsolutePath().getParent().resolve(name).normalize();
  }

  /**
   * The path resolved, or null with a problem at {@code field} when the loader is confined and
   * the path leads outside its folder.
   */
  Path resolveInside(String name, Node field, String path, Problems problems) {
    Path resolved = resolve(name);
    if (confine != null && confine.stream().noneMatch(folder -> inside(resolved, folder))) {
      problems.error(field, path, "'" + name + "' leads outside "
          + (confine.size() == 1 ? confine.get(0) + ", the only folder" : String.join(", ", confine.stream()
              .map(Path::toString).toList()) + ", the only folders")
          + " files named by specs are read from here (the server's meshwork.yaml may add folders under server.files)");
      return null;
    }
    return resolved;
  }

  private static boolean inside(Path resolved, Path folder) {
    Path fixed = fixedPart(resolved);
    if (!fixed.startsWith(folder)) {
      return false;
    }
    Path existing = fixed;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return true;
    }
    try {
      return existing.toRealPath().startsWith(folder.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** The part of a path before its first glob character: the folder a glob lists. */
  private static Path fixedPart(Path path) {
    Path fixed = path.getRoot();
    for (Path part : path) {
      if (part.toString().chars().anyMatch(c -> GLOB.indexOf(c) >= 0)) {
        break;
      }
      fixed = fixed == null ? part : fixed.resolve(part);
    }
    return fixed;
  }
}
