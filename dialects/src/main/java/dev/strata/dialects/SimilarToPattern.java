package dev.strata.dialects;

import java.util.Optional;

/**
 * A {@code SIMILAR TO} pattern (SQL's, as PostgreSQL reads it: the whole string must match;
 * {@code %} any text, {@code _} one character, {@code [...]} a class, {@code | * + ? {m,n} ( )} as
 * in regular expressions, every other character literal, the escape character making the next one
 * literal) as the pattern of an operator the target has: jOOQ 3.20 writes {@code SIMILAR TO} as it
 * is, which neither MySQL, MariaDB nor SQLite knows.
 *
 * <ul>
 *   <li>{@link #regex}: a regular expression for MySQL's and MariaDB's {@code REGEXP}, anchored,
 *       case-sensitive as PostgreSQL's is and with {@code .} matching a line break as there
 *       ({@code (?s-i)}; {@code REGEXP} otherwise follows a case-insensitive collation, and its
 *       {@code .} stops at a line break), as PostgreSQL itself translates it (regexp.c,
 *       similar_escape_internal);
 *   <li>{@link #glob}: a pattern for SQLite's {@code GLOB}, which is in every SQLite library
 *       (unlike {@code REGEXP}, which only the sqlite3 shell defines) and case-sensitive; only the
 *       patterns without alternatives, groups or repetitions other than {@code {n}} have one.
 * </ul>
 */
final class SimilarToPattern {
  private SimilarToPattern() {}

  /**
   * The anchored, case-sensitive regular expression, or empty for {@code escape"} (a SUBSTRING
   * separator).
   */
  static Optional<String> regex(String pattern, char escape) {
    StringBuilder out = new StringBuilder("(?s-i)^(");
    boolean escaped = false;
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escaped) {
        if (c == '"') {
          return Optional.empty();
        }
        out.append(isRegexSpecial(c) ? "\\" + c : String.valueOf(c));
        escaped = false;
      } else if (c == escape) {
        escaped = true;
      } else if (inClass) {
        out.append(c == '\\' ? "\\\\" : String.valueOf(c));
        inClass = c != ']';
      } else {
        switch (c) {
          case '[' -> {
            out.append(c);
            inClass = true;
          }
          case '%' -> out.append(".*");
          case '_' -> out.append('.');
          case '\\', '.', '^', '$' -> out.append('\\').append(c);
          default -> out.append(c);
        }
      }
    }
    if (escaped) {
      return Optional.empty();
    }
    return Optional.of(out.append(")$").toString());
  }

  /**
   * The {@code GLOB} pattern, or empty when the pattern has an alternative, a group, a repetition
   * other than {@code {n}}, a POSIX class ({@code [[:digit:]]}) or a trailing escape.
   */
  static Optional<String> glob(String pattern, char escape) {
    StringBuilder out = new StringBuilder();
    String atom = null;
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == escape) {
        if (i + 1 == pattern.length()) {
          return Optional.empty();
        }
        char literal = pattern.charAt(i + 1);
        atom = literal == '*' || literal == '?' || literal == '[' ? "[" + literal + "]"
            : String.valueOf(literal);
        out.append(atom);
        i += 2;
      } else if (c == '[') {
        int end = pattern.indexOf(']', i + 2);
        if (end < 0 || pattern.substring(i, end).contains("[:")) {
          return Optional.empty();
        }
        atom = pattern.substring(i, end + 1);
        out.append(atom);
        i = end + 1;
      } else if (c == '{') {
        int end = pattern.indexOf('}', i);
        String count = end < 0 ? "" : pattern.substring(i + 1, end);
        if (atom == null || !count.matches("\\d{1,3}")) {
          return Optional.empty();
        }
        int times = Integer.parseInt(count);
        if (times == 0) {
          out.setLength(out.length() - atom.length());
        } else {
          out.append(atom.repeat(times - 1));
        }
        atom = null;
        i = end + 1;
      } else if ("|*+?()".indexOf(c) >= 0) {
        return Optional.empty();
      } else {
        atom = c == '%' ? "*" : c == '_' ? "?" : String.valueOf(c);
        out.append(atom);
        i++;
      }
    }
    return Optional.of(out.toString());
  }

  private static boolean isRegexSpecial(char c) {
    return "\\.^$|*+?()[]{}".indexOf(c) >= 0;
  }
}
