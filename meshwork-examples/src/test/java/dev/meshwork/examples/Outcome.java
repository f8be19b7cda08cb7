package dev.meshwork.examples;

/** The result of one check of a built product: a schema check or one of its quality rules. */
record Outcome(String product, String check, boolean blocking, boolean passed, String detail) {

  @Override
  public String toString() {
    return product + " " + check + (blocking ? "" : " (warn)") + (passed ? " passed" : " failed") + ": " + detail;
  }
}
