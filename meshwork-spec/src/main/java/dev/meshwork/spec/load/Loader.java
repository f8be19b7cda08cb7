package dev.meshwork.spec.load;

import dev.meshwork.spec.Resource;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.error.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads resources from YAML and JSON files and directories (recursively: {@code *.yaml},
 * {@code *.yml}, {@code *.json}; hidden folders skipped), several documents per file, reporting
 * every problem found rather than the first.
 */
public final class Loader {

  /** Resources read and problems found; a resource with errors is left out of {@code resources}. */
  public record Result(List<LoadedResource> resources, List<Problem> problems, int files) {}

  private final Path base;
  private final List<Path> confine;
  private final List<String> secretNames;

  /** File names in problems are shown relative to {@code base} when they lie below it. */
  public Loader(Path base) {
    this(base, null, null);
  }

  private Loader(Path base, List<Path> confine, List<String> secretNames) {
    this.base = base.toAbsolutePath().normalize();
    this.confine = confine;
    this.secretNames = secretNames;
  }

  /**
   * This loader, refusing specs that name files (SQL, READMEs, data, secret files) outside
   * {@code folders} or environment variables other than {@code secretNames} ({@code NAME} or
   * {@code PREFIX_*}): for specs sent to a server, which must not read what its users could not
   * otherwise reach.
   */
  public Loader confinedTo(List<Path> folders, List<String> secretNames) {
    return new Loader(base, folders.stream().map(folder -> folder.toAbsolutePath().normalize()).toList(),
        List.copyOf(secretNames));
  }

  public static Loader fromWorkingDirectory() {
    return new Loader(Path.of(""));
  }

  /**
   * Loads every spec file under the given paths.
   *
   * @throws NotFoundException when a path does not exist
   * @throws InvalidException when a directory cannot be listed
   */
  public Result load(List<Path> paths) {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new NotFoundException("cannot read " + path + ": no such file or directory");
      }
    }
    Problems problems = new Problems();
    List<LoadedResource> resources = new ArrayList<>();
    int files = 0;
    for (Path path : paths) {
      List<Path> found = Files.isDirectory(path) ? specFilesUnder(path) : List.of(path);
      if (found.isEmpty()) {
        problems.add(Problem.error(Position.startOf(display(path)), "",
            "no *.yaml, *.yml or *.json files in this directory"));
      }
      for (Path file : found) {
        files++;
        String text = SpecFiles.read(file, display(file), problems);
        if (text != null) {
          resources.addAll(read(file, text, problems));
        }
      }
    }
    return new Result(List.copyOf(resources), problems.list(), files);
  }

  /** Reads the resources of one file's text; {@code file} resolves relative SQL and data paths. */
  public Result loadText(Path file, String text) {
    Problems problems = new Problems();
    List<LoadedResource> resources = read(file, text, problems);
    return new Result(resources, problems.list(), 1);
  }

  private List<LoadedResource> read(Path file, String text, Problems problems) {
    String display = display(file);
    if (text.isBlank()) {
      problems.add(Problem.error(Position.startOf(display), "", "file is empty: expected one or more resources"));
      return List.of();
    }
    boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    YamlReader.Result parsed = json ? YamlReader.readJson(display, text) : YamlReader.read(display, text);
    problems.addAll(parsed.problems());
    List<LoadedResource> resources = new ArrayList<>();
    int documents = 0;
    for (YamlReader.Document document : parsed.documents()) {
      if (document.root() instanceof Node.Scalar scalar && scalar.isNull()) {
        continue;
      }
      documents++;
      int before = problems.errorCount();
      Resource resource = new ResourceBinder(new SpecPaths(file, confine, secretNames), problems).bind(document.root());
      if (resource != null && problems.errorCount() == before) {
        resources.add(new LoadedResource(resource, display, file, document.index(), document.root()));
      }
    }
    if (documents == 0 && parsed.problems().isEmpty()) {
      problems.add(Problem.error(Position.startOf(display), "", "file holds no resources (only comments or empty documents)"));
    }
    return resources;
  }

  private List<Path> specFilesUnder(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk
          .filter(p -> !isHiddenBelow(directory, p))
          .filter(Files::isRegularFile)
          .filter(Loader::isSpecFile)
          .sorted()
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidException("cannot list " + display(directory) + ": " + e.getMessage());
    }
  }

  private static boolean isHiddenBelow(Path root, Path path) {
    for (Path part : root.relativize(path)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  static boolean isSpecFile(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute).toString() : absolute.toString();
  }
}
