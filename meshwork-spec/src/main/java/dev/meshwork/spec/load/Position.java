package dev.meshwork.spec.load;

/** Where something stands in an input file; line and column count from 1. */
public record Position(String file, int line, int column) {

  public static Position startOf(String file) {
    return new Position(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
