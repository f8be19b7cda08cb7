package dev.meshwork.core.ops;

/** Edit distance between words, for telling a typo from another word. */
final class Edits {

  private Edits() {}

  /** Whether {@code a} becomes {@code b} with at most {@code max} insertions, deletions or substitutions. */
  static boolean within(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return false;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowBest = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
        rowBest = Math.min(rowBest, current[j]);
      }
      if (rowBest > max) {
        return false;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()] <= max;
  }
}
