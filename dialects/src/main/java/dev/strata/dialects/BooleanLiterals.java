package dev.strata.dialects;

import dev.strata.grammar.ast.Expr;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A string literal that PostgreSQL reads as a boolean where a boolean is expected ({@code
 * 'true'}, {@code 't'}, {@code 'yes'}, {@code 'on'}, {@code '1'}, their false kin, any case, any
 * unique prefix of {@code true}, {@code false}, {@code yes}, {@code no}, {@code on}, {@code off}:
 * PostgreSQL's {@code parse_bool_with_len}, {@code src/backend/utils/adt/bool.c}). MySQL and
 * MariaDB refuse such a text in a {@code BOOLEAN} ({@code TINYINT(1)}) column, or read it as 0 in
 * a comparison; SQLite keeps the text, which is false in a condition. Where the value goes to a
 * boolean column, the dialects write {@code TRUE} or {@code FALSE} instead.
 */
final class BooleanLiterals {
  /** A whole expression that is one string literal, with an optional cast to boolean. */
  private static final Pattern LITERAL = Pattern.compile(
      "\\s*'((?:[^']|'')*)'\\s*(?:::\\s*(?:boolean|bool)\\s*)?", Pattern.CASE_INSENSITIVE);

  private BooleanLiterals() {}

  /** The boolean {@code expr} is, when it is a string literal PostgreSQL reads as one. */
  static Optional<Boolean> of(Expr expr) {
    Matcher literal = LITERAL.matcher(expr.sql());
    return literal.matches() ? parse(literal.group(1).replace("''", "'")) : Optional.empty();
  }

  /**
   * The boolean a text stands for, as PostgreSQL's {@code boolin} reads it (surrounding white
   * space ignored), or empty when PostgreSQL refuses it.
   */
  static Optional<Boolean> parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.equals("1")) {
      return Optional.of(true);
    }
    if (value.equals("0")) {
      return Optional.of(false);
    }
    if ("true".startsWith(value) || "yes".startsWith(value)) {
      return Optional.of(true);
    }
    if ("false".startsWith(value) || "no".startsWith(value)) {
      return Optional.of(false);
    }
    // "o" alone is both on and off: PostgreSQL refuses it
    if (value.length() >= 2 && "on".startsWith(value)) {
      return Optional.of(true);
    }
    if (value.length() >= 2 && "off".startsWith(value)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /** {@code expr} as {@code TRUE} or {@code FALSE} when it is such a literal, else itself. */
  static Expr asKeyword(Expr expr) {
    return of(expr).map(b -> new Expr(b ? "TRUE" : "FALSE", expr.span())).orElse(expr);
  }
}
