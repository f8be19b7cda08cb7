package dev.meshwork.spec.load;

/**
 * One thing wrong with the input: where it is, which field, and what was expected.
 * Printed as {@code file:line:column: field.path: message}.
 */
public record Problem(Severity severity, String file, int line, int column, String path, String message) {

  public enum Severity { ERROR, WARNING }

  public Problem {
    if (severity == null || file == null || message == null) {
      throw new IllegalArgumentException("a problem needs a severity, a file and a message");
    }
    path = path == null ? "" : path;
  }

  public static Problem error(Position at, String path, String message) {
    return new Problem(Severity.ERROR, at.file(), at.line(), at.column(), path, message);
  }

  public static Problem warning(Position at, String path, String message) {
    return new Problem(Severity.WARNING, at.file(), at.line(), at.column(), path, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    String where = file + ":" + line + ":" + column + ": ";
    String level = isError() ? "" : "warning: ";
    return where + level + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
