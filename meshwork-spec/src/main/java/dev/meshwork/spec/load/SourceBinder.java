package dev.meshwork.spec.load;

import dev.meshwork.spec.Enums;
import dev.meshwork.spec.Metadata;
import dev.meshwork.spec.Secrets;
import dev.meshwork.spec.Source;
import java.nio.file.Path;
import java.util.List;

/** Reads a Source's spec; which fields apply depends on its type. */
final class SourceBinder {

  private static final List<String> DATABASE = List.of("type", "url", "driver", "user", "password", "schema");
  private static final List<String> FILES = List.of("type", "path", "format", "csv");
  private static final List<String> CSV = List.of("header", "delimiter");

  private final SpecPaths paths;

  SourceBinder(SpecPaths paths) {
    this.paths = paths;
  }

  Source bind(Metadata metadata, Fields spec) {
    Problems problems = spec.problems();
    Source.Type type = spec.parse("type", true, value -> Enums.parse(Source.Type.class, value, "source type"));
    if (type == null) {
      return null;
    }
    List<String> allowed = type.isDatabase() ? DATABASE : FILES;
    spec.rejectUnknown(allowed, type.isDatabase() ? FILES : DATABASE,
        "does not apply to a " + type + " source (its fields are " + String.join(", ", allowed) + ")");
    Source.Spec body = type.isDatabase() ? database(type, spec) : files(spec);
    if (metadata == null || body == null) {
      return null;
    }
    return problems.attempt(spec.node(), spec.path(), () -> new Source(metadata, body));
  }

  private Source.Spec database(Source.Type type, Fields spec) {
    String url = spec.string("url", true);
    if (url != null && !url.startsWith("jdbc:") && !Secrets.isReference(url)) {
      spec.problems().error(spec.value("url", true), spec.pathOf("url"),
          "expected a JDBC URL starting with jdbc:, like jdbc:postgresql://host:5432/db, or a reference like ${env:ORDERS_DB_URL}");
      url = null;
    }
    String password = spec.string("password", false);
    if (password != null && !Secrets.isReference(password)) {
      spec.problems().error(spec.value("password", false), spec.pathOf("password"),
          "a literal password is not allowed: write a reference like ${env:ORDERS_DB_PASSWORD} or ${file:/run/secrets/db}");
      password = null;
    }
    String driver = spec.string("driver", false);
    String user = spec.string("user", false);
    for (String key : List.of("url", "user", "password")) {
      String value = spec.string(key, false);
      if (value != null && !paths.secretAllowed(value, spec.value(key, false), spec.pathOf(key), spec.problems())) {
        return null;
      }
    }
    String schema = spec.string("schema", false);
    if (url == null || spec.has("password") && password == null) {
      return null;
    }
    String finalUrl = url;
    String finalPassword = password;
    return spec.problems().attempt(spec.node(), spec.path(),
        () -> new Source.Spec(type, finalUrl, driver, user, finalPassword, schema, null, null, null));
  }

  private Source.Spec files(Fields spec) {
    String path = spec.string("path", true);
    Source.Format format = spec.parse("format", true, value -> Enums.parse(Source.Format.class, value, "format"));
    Source.Csv csv = null;
    Fields csvFields = spec.mapping("csv", false);
    if (csvFields != null) {
      csvFields.rejectUnknown(CSV);
      Boolean header = csvFields.bool("header");
      String delimiter = csvFields.string("delimiter", false);
      csv = spec.problems().attempt(csvFields.node(), csvFields.path(),
          () -> new Source.Csv(header == null || header, delimiter == null ? "," : delimiter));
      if (format != null && format != Source.Format.CSV) {
        spec.problems().error(csvFields.node(), csvFields.path(), "csv options apply only to format csv");
      }
    }
    if (path == null || format == null) {
      return null;
    }
    Path inside = paths.resolveInside(path, spec.value("path", true), spec.pathOf("path"), spec.problems());
    if (inside == null) {
      return null;
    }
    String resolved = inside.toString();
    Source.Csv finalCsv = csv;
    return spec.problems().attempt(spec.node(), spec.path(),
        () -> new Source.Spec(Source.Type.FILES, null, null, null, null, null, resolved, format, finalCsv));
  }
}
