package dev.strata.dialects;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The words and operators of a PostgreSQL expression, with their offsets, outside string
 * literals, quoted identifiers, dollar-quoted text and comments: what {@link ExpressionTranslator}
 * looks at before jOOQ parses the expression (the calls whose translation jOOQ gets wrong) and
 * where it points a diagnostic about a part of the expression.
 *
 * @param tokens in source order
 * @param strings the values of the string literals, dollar-quoted ones too, in source order:
 *     {@code 'it''s'} is {@code it's}; in {@code E'...'} a backslash before a backslash or a
 *     quote is dropped, and other escapes (a backslash and {@code n}) are kept as written
 */
record ExpressionScan(List<Token> tokens, List<String> strings) {

  /** A word ({@code lower}, {@code current_user}) or an operator ({@code ::}, {@code @>}). */
  record Token(String text, int start, boolean word) {
    int end() {
      return start + text.length();
    }

    /** The word in lower case (PostgreSQL folds unquoted words), or the operator. */
    String folded() {
      return word ? text.toLowerCase(Locale.ROOT) : text;
    }
  }

  ExpressionScan {
    tokens = List.copyOf(tokens);
    strings = List.copyOf(strings);
  }

  /** Scans {@code sql} (PostgreSQL syntax). */
  static ExpressionScan of(String sql) {
    List<Token> tokens = new ArrayList<>();
    List<String> strings = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = blockCommentEnd(sql, i);
      } else if (c == '\'') {
        boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
            && (i < 2 || !isWordChar(sql.charAt(i - 2)));
        int start = i;
        i = stringEnd(sql, i, escapes);
        strings.add(value(sql.substring(start + 1, Math.max(start + 1, i - 1)), escapes));
      } else if (c == '"') {
        i = stringEnd(sql, i, false);
      } else if (c == '$' && dollarTag(sql, i).isPresent()) {
        String tag = dollarTag(sql, i).get();
        int end = sql.indexOf(tag, i + tag.length());
        strings.add(sql.substring(i + tag.length(), end < 0 ? n : end));
        i = end < 0 ? n : end + tag.length();
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n && isWordChar(sql.charAt(i))) {
          i++;
        }
        // E'...', B'...', X'...', U&'...': the prefix of a literal is no word
        if (i < n && sql.charAt(i) == '\'' && i - start == 1) {
          continue;
        }
        tokens.add(new Token(sql.substring(start, i), start, true));
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
      } else if (isOperatorChar(c)) {
        int start = i;
        while (i < n && isOperatorChar(sql.charAt(i))
            && !(sql.charAt(i) == '-' && i + 1 < n && sql.charAt(i + 1) == '-')) {
          i++;
        }
        tokens.add(new Token(sql.substring(start, i), start, false));
      } else {
        if (c == '(' || c == ')' || c == ',' || c == '.' || c == '[' || c == ']') {
          tokens.add(new Token(String.valueOf(c), i, false));
        }
        i++;
      }
    }
    return new ExpressionScan(tokens, strings);
  }

  /** The value of a string literal's text between its quotes. */
  private static String value(String quoted, boolean backslashEscapes) {
    if (!backslashEscapes) {
      return quoted.replace("''", "'");
    }
    StringBuilder out = new StringBuilder(quoted.length());
    for (int k = 0; k < quoted.length(); k++) {
      char c = quoted.charAt(k);
      if (c == '\\' && k + 1 < quoted.length() && "\\'".indexOf(quoted.charAt(k + 1)) >= 0) {
        out.append(quoted.charAt(++k));
      } else if (c == '\'' && k + 1 < quoted.length() && quoted.charAt(k + 1) == '\'') {
        out.append(c);
        k++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The first function call named {@code name} (a word, not after a dot, before {@code (}). */
  Optional<Token> call(String name) {
    for (int k = 0; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.word() && t.folded().equals(name)
          && next(k).filter(x -> x.text().equals("(")).isPresent()
          && previous(k).filter(x -> x.text().equals(".")).isEmpty()) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The first bare word {@code name} (not after a dot), or empty. */
  Optional<Token> word(String name) {
    for (int k = 0; k < tokens.size(); k++) {
      if (bareWord(k, name)) {
        return Optional.of(tokens.get(k));
      }
    }
    return Optional.empty();
  }

  /** How many bare words {@code name} (not after a dot) there are. */
  int words(String name) {
    int count = 0;
    for (int k = 0; k < tokens.size(); k++) {
      if (bareWord(k, name)) {
        count++;
      }
    }
    return count;
  }

  /** Whether the {@code k}-th token is the word {@code name}, not after a dot. */
  private boolean bareWord(int k, String name) {
    Token t = tokens.get(k);
    return t.word() && t.folded().equals(name)
        && previous(k).filter(x -> x.text().equals(".")).isEmpty();
  }

  /**
   * Whether a select list has {@code *} or {@code t.*}: a {@code *} after {@code SELECT}, {@code
   * DISTINCT}, {@code ALL}, a comma or a dot, and before a comma, {@code FROM} or the end ({@code
   * count(*)} and {@code a * b} are not).
   */
  boolean selectsStar() {
    for (int k = 0; k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (t.word() || !t.text().equals("*")) {
        continue;
      }
      boolean after = previous(k).filter(p -> p.text().equals(",") || p.text().equals(".")
          || p.word() && Set.of("select", "distinct", "all").contains(p.folded())).isPresent();
      boolean before = next(k).map(x -> x.text().equals(",") || x.text().equals(")")
          || x.word() && x.folded().equals("from")).orElse(true);
      if (after && before) {
        return true;
      }
    }
    return false;
  }

  /** The first operator {@code op}, or empty. */
  Optional<Token> operator(String op) {
    return tokens.stream().filter(t -> !t.word() && t.text().equals(op)).findFirst();
  }

  /** The first token at or after {@code offset}, or empty. */
  Optional<Token> at(int offset) {
    return tokens.stream().filter(t -> t.end() > offset).findFirst();
  }

  /** The word just before {@code offset} (a function's name before its {@code (}), or empty. */
  Optional<Token> wordBefore(int offset) {
    Token found = null;
    for (Token t : tokens) {
      if (t.start() >= offset) {
        break;
      }
      found = t;
    }
    if (found != null && found.text().equals("(")) {
      int k = tokens.indexOf(found);
      found = k > 0 ? tokens.get(k - 1) : null;
    }
    return Optional.ofNullable(found).filter(Token::word);
  }

  private Optional<Token> next(int k) {
    return k + 1 < tokens.size() ? Optional.of(tokens.get(k + 1)) : Optional.empty();
  }

  private Optional<Token> previous(int k) {
    return k > 0 ? Optional.of(tokens.get(k - 1)) : Optional.empty();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  /** PostgreSQL's operator characters (the lexer's {@code self} and {@code op_chars}). */
  private static boolean isOperatorChar(char c) {
    return "+-*/<>=~!@#%^&|`?:".indexOf(c) >= 0;
  }

  private static int blockCommentEnd(String sql, int from) {
    int depth = 0;
    int i = from;
    while (i < sql.length()) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** The end of a quoted string or identifier starting at {@code from} (doubled quotes inside). */
  private static int stringEnd(String sql, int from, boolean backslashEscapes) {
    char quote = sql.charAt(from);
    int i = from + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** {@code $$} or {@code $tag$} at {@code from}, or empty. */
  private static Optional<String> dollarTag(String sql, int from) {
    int i = from + 1;
    while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
      i++;
    }
    if (i < sql.length() && sql.charAt(i) == '$'
        && (i == from + 1 || !Character.isDigit(sql.charAt(from + 1)))) {
      return Optional.of(sql.substring(from, i + 1));
    }
    return Optional.empty();
  }
}
