package dev.meshwork.core.config;

import dev.meshwork.core.Home;
import dev.meshwork.spec.Suggest;
import dev.meshwork.spec.error.InvalidException;
import dev.meshwork.spec.load.Node;
import dev.meshwork.spec.load.Position;
import dev.meshwork.spec.load.Problem;
import dev.meshwork.spec.load.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads a home's {@code meshwork.yaml}, reporting unknown keys and bad values with their position. */
public final class ConfigReader {

  private static final Map<String, List<String>> KEYS = Map.of(
      "store", List.of("type", "url", "user", "password"),
      "lake", List.of("type", "path"),
      "engine", List.of("type", "threads", "memory-limit", "query-timeout"),
      "auth", List.of("oidc"),
      "auth.oidc", List.of("issuer", "jwks-url", "audience", "user-claim"),
      "scheduler", List.of("tick", "retention", "zone"),
      "alerts", List.of("webhooks"),
      "server", List.of("files", "secrets"));
  /** The keys whose value is a list of scalars; every other key holds one. */
  private static final List<String> LISTS = List.of("alerts.webhooks", "server.files", "server.secrets");
  private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\*?");

  private final String file;
  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Position> sections = new LinkedHashMap<>();

  private ConfigReader(String file) {
    this.file = file;
  }

  /** The home's configuration; defaults when it has no {@code meshwork.yaml}. */
  public static Config read(Home home) {
    Path path = home.config();
    if (!Files.exists(path)) {
      return Config.defaults(home);
    }
    try {
      return parse(home, path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InvalidException("cannot read " + path + ": " + e.getMessage());
    }
  }

  static Config parse(Home home, String file, String text) {
    ConfigReader reader = new ConfigReader(file);
    YamlReader.Result parsed = YamlReader.read(file, text);
    reader.problems.addAll(parsed.problems());
    Map<String, Node> values = new LinkedHashMap<>();
    if (parsed.problems().isEmpty() && !parsed.documents().isEmpty()) {
      reader.collect(parsed.documents().get(0).root(), values);
    }
    Config defaults = Config.defaults(home);
    Config config = new Config(
        new Config.Store(
            reader.text(values, "store.type", defaults.store().type()),
            reader.text(values, "store.url", defaults.store().url()),
            reader.text(values, "store.user", defaults.store().user()),
            reader.text(values, "store.password", defaults.store().password())),
        new Config.Lake(
            reader.text(values, "lake.type", defaults.lake().type()),
            home.dir().resolve(reader.text(values, "lake.path", defaults.lake().path().toString())).normalize()),
        new Config.Engine(
            reader.text(values, "engine.type", defaults.engine().type()),
            reader.number(values, "engine.threads", defaults.engine().threads()),
            reader.text(values, "engine.memory-limit", defaults.engine().memoryLimit()),
            reader.number(values, "engine.query-timeout", defaults.engine().queryTimeout())),
        ScheduleSettings.scheduling(values, defaults.scheduler(), reader.problems),
        ScheduleSettings.alerts(values, defaults.alerts(), reader.problems),
        new Config.Auth(OidcReader.read(values, reader.sections, reader.problems)),
        new Config.Server(reader.folders(values, "server.files", home), reader.secretNames(values, "server.secrets")));
    if (!reader.problems.isEmpty()) {
      reader.problems.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
      throw new InvalidException(file + " is not a valid configuration", reader.problems);
    }
    return config;
  }

  /** A list of folders, each absolute or relative to the home; an item that is not a path is a problem. */
  private List<Path> folders(Map<String, Node> values, String key, Home home) {
    return texts(values, key, text -> !text.isEmpty(), "a folder, absolute or relative to the home").stream()
        .map(text -> home.dir().resolve(text).toAbsolutePath().normalize()).toList();
  }

  /** A list of environment variable names, each {@code NAME} or {@code PREFIX_*}. */
  private List<String> secretNames(Map<String, Node> values, String key) {
    return texts(values, key, text -> SECRET_NAME.matcher(text).matches(),
        "an environment variable's name, like ORDERS_DB_PASSWORD, or a prefix, like ORDERS_*");
  }

  /**
   * A list of texts (a single one counts as a list of one), stripped; an item that is not a text
   * {@code valid} takes is a problem saying what was {@code expected}, and is left out.
   */
  private List<String> texts(Map<String, Node> values, String key, Predicate<String> valid, String expected) {
    Node node = values.get(key);
    if (node == null || node instanceof Node.Scalar scalar && scalar.isNull()) {
      return List.of();
    }
    List<Node> items = node instanceof Node.Sequence list ? list.items() : List.of(node);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof Node.Scalar item && !item.isNull() && valid.test(item.value().trim())) {
        texts.add(item.value().trim());
      } else {
        problems.add(Problem.error(items.get(i).position(), key + "[" + i + "]",
            "expected " + expected + ", not " + items.get(i).describe()));
      }
    }
    return texts;
  }

  private void collect(Node root, Map<String, Node> values) {
    if (root instanceof Node.Scalar scalar && scalar.isNull()) {
      return;
    }
    if (!(root instanceof Node.Mapping sections)) {
      problems.add(Problem.error(root.position(), "", "expected sections " + String.join(", ", sections())));
      return;
    }
    List<String> names = KEYS.keySet().stream().filter(name -> !name.contains(".")).sorted().toList();
    for (Node.Entry section : sections.entries()) {
      String name = section.key().value();
      List<String> keys = KEYS.get(name);
      if (keys == null || name.contains(".")) {
        problems.add(Problem.error(section.key().position(), name,
            "unknown section" + Suggest.hint(name, names) + " (sections: " + String.join(", ", names) + ")"));
        continue;
      }
      collect(name, section.value(), values);
    }
  }

  /** The keys of the section or subsection {@code name}: single values, or mappings of a subsection's keys. */
  private void collect(String name, Node section, Map<String, Node> values) {
    List<String> keys = KEYS.get(name);
    if (!(section instanceof Node.Mapping entries)) {
      problems.add(Problem.error(section.position(), name, "expected a mapping of " + String.join(", ", keys)));
      return;
    }
    sections.put(name, section.position());
    for (Node.Entry entry : entries.entries()) {
      String key = entry.key().value();
      String path = name + "." + key;
      if (!keys.contains(key)) {
        problems.add(Problem.error(entry.key().position(), path,
            "unknown key" + Suggest.hint(key, keys) + " (keys of " + name + ": " + String.join(", ", keys) + ")"));
      } else if (KEYS.containsKey(path)) {
        collect(path, entry.value(), values);
      } else if (entry.value() instanceof Node.Scalar
          || LISTS.contains(path) && entry.value() instanceof Node.Sequence) {
        values.put(path, entry.value());
      } else if (LISTS.contains(path)) {
        problems.add(Problem.error(entry.value().position(), path,
            "expected a list of values, not " + entry.value().describe()));
      } else {
        problems.add(Problem.error(entry.value().position(), path, "expected a single value, not " + entry.value().describe()));
      }
    }
  }

  private static List<String> sections() {
    return KEYS.keySet().stream().sorted().toList();
  }

  private String text(Map<String, Node> values, String key, String fallback) {
    Node.Scalar scalar = ScheduleSettings.scalar(values, key);
    return scalar == null || scalar.isNull() ? fallback : scalar.value();
  }

  private int number(Map<String, Node> values, String key, int fallback) {
    Node.Scalar scalar = ScheduleSettings.scalar(values, key);
    if (scalar == null || scalar.isNull()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(scalar.value());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(Problem.error(scalar.position(), key, "expected a whole number of 0 or more, not '" + scalar.value() + "'"));
    return fallback;
  }
}
