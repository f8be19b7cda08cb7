package dev.meshwork.spec;

import dev.meshwork.spec.error.InvalidException;

/** An operational system a domain reads from: a PostgreSQL or JDBC database, or files. */
public record Source(Metadata metadata, Spec spec) implements Resource {

  public Source {
    if (metadata == null || spec == null) {
      throw new InvalidException("a Source needs metadata and spec");
    }
    if (metadata.domain() == null) {
      throw new InvalidException("a Source needs metadata.domain");
    }
  }

  @Override
  public Kind kind() {
    return Kind.SOURCE;
  }

  public String domain() {
    return metadata.domain();
  }

  public enum Type {
    POSTGRES, JDBC, FILES;

    public boolean isDatabase() {
      return this != FILES;
    }

    @Override
    public String toString() {
      return Enums.kebab(this);
    }
  }

  public enum Format {
    CSV, PARQUET, JSON;

    @Override
    public String toString() {
      return Enums.kebab(this);
    }
  }

  /** CSV reading options. */
  public record Csv(boolean header, String delimiter) {
    public Csv {
      if (delimiter == null || delimiter.length() != 1) {
        throw new InvalidException("csv delimiter must be a single character, not '" + delimiter + "'");
      }
    }

    public static Csv defaults() {
      return new Csv(true, ",");
    }
  }

  /**
   * Database sources set {@code url}, a JDBC URL or a secret reference to one (and optionally driver, user, password, schema); file sources
   * set {@code path} (a file or glob, resolved against the spec's folder) and {@code format}.
   */
  public record Spec(Type type, String url, String driver, String user, String password, String schema,
                     String path, Format format, Csv csv) {
    public Spec {
      if (type == null) {
        throw new InvalidException("a source needs a type");
      }
      if (type.isDatabase() && (url == null || !url.startsWith("jdbc:") && !Secrets.isReference(url))) {
        throw new InvalidException("a " + type + " source needs a url starting with jdbc: or a secret reference, not '" + url + "'");
      }
      if (password != null && !Secrets.isReference(password)) {
        throw new InvalidException("a password must be a secret reference like ${env:NAME} or ${file:/path}, never the password itself");
      }
      if (type == Type.FILES && (path == null || path.isBlank() || format == null)) {
        throw new InvalidException("a files source needs a path and a format");
      }
      if (format == Format.CSV && csv == null) {
        csv = Csv.defaults();
      }
    }
  }
}
