package dev.strata.compiler;

import dev.strata.grammar.EditDistance;
import java.util.Optional;

/**
 * "Did you mean" for a mistyped revision id: the known id closest by edit distance, or failing that
 * the one sharing the longest prefix with what was typed.
 */
final class Suggestions {
  /** Shortest common prefix (in chars) that is worth suggesting on its own. */
  private static final int MIN_SHARED_PREFIX = 4;

  private Suggestions() {}

  /**
   * The candidate closest to {@code typed}: the smallest Levenshtein distance when it is at most
   * {@code max(2, typed.length() / 3)}; otherwise the longest shared prefix of at least four chars.
   * Ties go to the earlier candidate. Empty when nothing is close.
   */
  static Optional<String> closest(String typed, Iterable<String> candidates) {
    String best = null;
    int bestDistance = Math.max(2, typed.length() / 3) + 1;
    String bestPrefixed = null;
    int bestPrefix = MIN_SHARED_PREFIX - 1;
    for (String candidate : candidates) {
      if (candidate.equals(typed)) {
        continue;
      }
      int distance = EditDistance.between(typed, candidate, bestDistance);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
      int prefix = sharedPrefix(typed, candidate);
      if (prefix > bestPrefix) {
        bestPrefixed = candidate;
        bestPrefix = prefix;
      }
    }
    return Optional.ofNullable(best != null ? best : bestPrefixed);
  }

  private static int sharedPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
