package dev.strata.grammar;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A revision id, checked: 1 to {@value #MAX_LENGTH} letters, digits or {@code _} (ASCII), as
 * Alembic stores it in {@code version_num VARCHAR(32)}, and none of the {@linkplain #RESERVED
 * reserved words} in any case. This is the one place the id rules live: the header reader
 * ({@code -- revision:}), the revision-file writer ({@link RevisionDraft}), the range grammar
 * of the compiler and the bundle manifest all ask it.
 *
 * @param value the id as written
 * @throws IllegalArgumentException with {@link #problem}'s text when {@code value} is not an id
 */
public record RevisionId(String value) implements Comparable<RevisionId> {
  /** The longest id: Alembic's {@code version_num VARCHAR(32)}. */
  public static final int MAX_LENGTH = 32;

  /**
   * The words that name places of the graph, never revisions or branch labels, in any case: {@code
   * base}, {@code head}, {@code heads}.
   */
  public static final List<String> RESERVED = List.of("base", "head", "heads");

  public RevisionId {
    if (value == null) {
      throw new IllegalArgumentException("a revision id is required");
    }
    problem(value).ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
  }

  /** Why {@code text} cannot be a revision id, or empty when it can. */
  public static Optional<String> problem(String text) {
    if (text.isEmpty() || text.length() > MAX_LENGTH || !isWord(text)) {
      return Optional.of(
          "'" + text + "' is not a revision id: 1 to " + MAX_LENGTH + " letters, digits or '_'");
    }
    if (isReserved(text)) {
      return Optional.of("'" + text + "' is reserved and cannot be a revision id");
    }
    return Optional.empty();
  }

  /** Whether {@code text} is a revision id. */
  public static boolean isValid(String text) {
    return problem(text).isEmpty();
  }

  /**
   * Whether {@code c} may appear in an id, a branch label or an id prefix: an ASCII letter or
   * digit, or {@code _}.
   */
  public static boolean isIdChar(char c) {
    return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /**
   * Whether {@code text} is one or more {@linkplain #isIdChar id characters}: the shape of an id,
   * a branch label or a prefix of an id, of any length.
   */
  public static boolean isWord(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!isIdChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code text} is {@code base}, {@code head} or {@code heads}, in any case. */
  public static boolean isReserved(String text) {
    return RESERVED.contains(text.toLowerCase(Locale.ROOT));
  }

  @Override
  public int compareTo(RevisionId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
