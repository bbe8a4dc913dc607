package dev.strata.grammar;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for misspelt words: the closest known word within a small edit distance. */
final class Spelling {
  private Spelling() {}

  /**
   * The candidate nearest to {@code word} (case-insensitively, Levenshtein distance), if it is at
   * most 2 edits away and closer than the word's own length.
   */
  static Optional<String> closest(String word, List<String> candidates) {
    String lower = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = EditDistance.between(lower, candidate.toLowerCase(Locale.ROOT), Integer.MAX_VALUE);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= 2 && bestDistance < lower.length() ? Optional.of(best) : Optional.empty();
  }
}
