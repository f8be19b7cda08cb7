package dev.meshwork.core.scaffold;

import dev.meshwork.spec.Emails;
import dev.meshwork.spec.Enums;
import dev.meshwork.spec.Names;
import dev.meshwork.spec.error.AlreadyExistsException;
import dev.meshwork.spec.error.InvalidException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a new product folder: the spec, its transform SQL and a README, from a template.
 * What it writes validates as written; it never overwrites a file.
 */
public final class Scaffolder {

  public enum Template {
    SOURCE_ALIGNED, AGGREGATE, CONSUMER_ALIGNED;

    @Override
    public String toString() {
      return Enums.kebab(this);
    }
  }

  /** What to scaffold and where; {@code owner} defaults to {@code <domain>-team@example.com}. */
  public record Request(String domain, String name, Template template, String owner, Path dir) {
    public Request {
      Names.check(domain, "domain name");
      Names.check(name, "product name");
      template = template == null ? Template.SOURCE_ALIGNED : template;
      owner = owner == null ? domain + "-team@example.com" : Emails.check(owner, "owner");
      dir = dir == null ? Path.of(domain, name) : dir;
    }
  }

  /** Writes the files and returns them. */
  public List<Path> scaffold(Request request) {
    Map<Path, String> files = new LinkedHashMap<>();
    Map<String, String> values = values(request);
    files.put(request.dir().resolve("product.yaml"), fill(template(request.template(), "product.yaml"), values));
    files.put(request.dir().resolve(request.name() + ".sql"), fill(template(request.template(), "transform.sql"), values));
    files.put(request.dir().resolve("README.md"), fill(template(request.template(), "README.md"), values));
    for (Path file : files.keySet()) {
      if (Files.exists(file)) {
        throw new AlreadyExistsException("cannot scaffold " + request.domain() + "." + request.name() + ": "
            + file + " exists already (nothing was written)");
      }
    }
    if (Files.exists(request.dir()) && !Files.isDirectory(request.dir())) {
      throw new AlreadyExistsException("cannot scaffold into " + request.dir() + ": it is a file");
    }
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(request.dir());
      for (Map.Entry<Path, String> file : files.entrySet()) {
        Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        written.add(file.getKey());
      }
    } catch (IOException e) {
      throw new InvalidException("cannot write " + request.dir() + ": " + e.getMessage());
    }
    return written;
  }

  /** Placeholder values; the sample upstream products never name the product being created. */
  private static Map<String, String> values(Request request) {
    String self = request.domain() + "." + request.name();
    String upstream = request.name().equals("events") ? "raw_events" : "events";
    return Map.of(
        "domain", request.domain(),
        "name", request.name(),
        "owner", request.owner(),
        "title", title(request.name()),
        "relation", request.domain().replace('-', '_') + "_db",
        "upstream", upstream,
        "customers", self.equals("customers.profile") ? "customers.accounts" : "customers.profile",
        "orders", self.equals("orders.daily") ? "orders.summary" : "orders.daily");
  }

  private static String title(String name) {
    String spaced = name.replace('_', ' ').replace('-', ' ');
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  private static String template(Template template, String file) {
    String resource = "/dev/meshwork/core/templates/" + template + "/" + file;
    try (InputStream in = Scaffolder.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("template missing from the jar: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fill(String text, Map<String, String> values) {
    String result = text;
    for (Map.Entry<String, String> value : values.entrySet()) {
      result = result.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    return result;
  }
}
