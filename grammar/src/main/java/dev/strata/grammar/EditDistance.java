package dev.strata.grammar;

/**
 * Levenshtein distance (insertions, deletions and substitutions of single chars, each costing 1),
 * the measure behind every "did you mean" hint: misspelt header keys and directives here, mistyped
 * revision ids in the compiler.
 */
public final class EditDistance {
  private EditDistance() {}

  /**
   * The distance between {@code a} and {@code b} (case-sensitive), or {@code limit} as soon as it
   * is known to be at least {@code limit}; pass {@link Integer#MAX_VALUE} for the exact distance.
   */
  public static int between(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) {
      return limit;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin >= limit) {
        return limit;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
