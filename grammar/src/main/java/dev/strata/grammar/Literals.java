package dev.strata.grammar;

/**
 * Where the literals of the revision-file language end, as the rules of {@code StrataLexer.g4}
 * named on each method match them: strings, quoted identifiers, escape strings, the bodies of
 * dollar quotes, and numbers. Pure functions of the text and an index into it (UTF-16 units);
 * {@link StrataScanner} makes the tokens, and counts the lines a literal spans.
 */
final class Literals {
  private Literals() {}

  /**
   * The end of STRING ({@code '\'' ('\'\'' | ~'\'')* '\''}) or QUOTED_IDENTIFIER (the same with
   * {@code "}) whose body starts at {@code from}, just after the opening {@code quote}: the index
   * after the first run of an odd number of quotes (each pair in the run is one quote of the
   * body, the last one closes it); -1 when no such run follows, the UNTERMINATED_ twin, which
   * runs to the end of the input.
   */
  static int quotedEnd(String text, int from, char quote) {
    int n = text.length();
    int i = from;
    while (true) {
      int q = text.indexOf(quote, i);
      if (q < 0) {
        return -1;
      }
      int run = q + 1;
      while (run < n && text.charAt(run) == quote) {
        run++;
      }
      if (((run - q) & 1) == 1) {
        return run;
      }
      i = run;
    }
  }

  /**
   * The end of ESCAPE_STRING ({@code 'e\'' ('\\' . | '\'\'' | ~['\\])* '\''}) at {@code start},
   * where {@code e'} opens it; when it is not closed, the bitwise complement ({@code ~end},
   * negative) of where UNTERMINATED_ESCAPE_STRING ends: the end of the input, or just before a
   * backslash that ends the input (the rule's {@code '\\' .} needs a char after it).
   */
  static int escapeStringEnd(String text, int start) {
    int n = text.length();
    int i = start + 2;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\') {
        if (i + 1 == n) {
          return ~i;
        }
        i += 2;
      } else if (c == '\'') {
        int run = i + 1;
        while (run < n && text.charAt(run) == '\'') {
          run++;
        }
        if (((run - i) & 1) == 1) {
          return run;
        }
        i = run;
      } else {
        i++;
      }
    }
    return ~n;
  }

  /**
   * The end of DOLLAR_STRING opened at {@code start} by a tag ({@code $$} or {@code $tag$}) of
   * {@code tagLength} chars: just after the next occurrence of the same tag, compared as written
   * ({@code atClosingTag()} in the grammar compares the text, whatever {@code caseInsensitive}
   * says); -1 when there is none (the mode DOLLAR is still open at the end of the input).
   */
  static int dollarStringEnd(String text, int start, int tagLength) {
    int i = start + tagLength;
    while (true) {
      int next = text.indexOf('$', i);
      if (next < 0) {
        return -1;
      }
      if (text.regionMatches(next, text, start, tagLength)) {
        return next + tagLength;
      }
      i = next + 1;
    }
  }

  /**
   * The end of INTEGER_VALUE ({@code [0-9]+}) or DECIMAL_VALUE ({@code ([0-9]+ '.' [0-9]* | '.'
   * [0-9]+) EXPONENT? | [0-9]+ EXPONENT}) at {@code start}, a digit or a {@code .} before a
   * digit; the longest match. It is an INTEGER_VALUE when it ends where its digits do ({@link
   * #digitsEnd}).
   */
  static int numberEnd(String text, int start) {
    int end = digitsEnd(text, start);
    if (at(text, end) == '.') {
      end = digitsEnd(text, end + 1);
    }
    int exponent = exponentEnd(text, end);
    return exponent < 0 ? end : exponent;
  }

  /** The end of the run of digits {@code [0-9]*} at {@code i}. */
  static int digitsEnd(String text, int i) {
    int n = text.length();
    while (i < n && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of EXPONENT ({@code 'e' [+-]? [0-9]+}) at {@code i}, or -1 when there is none. */
  private static int exponentEnd(String text, int i) {
    int c = at(text, i);
    if (c != 'e' && c != 'E') {
      return -1;
    }
    int j = i + 1;
    int sign = at(text, j);
    if (sign == '+' || sign == '-') {
      j++;
    }
    return isDigit(at(text, j)) ? digitsEnd(text, j) : -1;
  }

  /** The char at {@code i}, or -1 at or past the end. */
  private static int at(String text, int i) {
    return i < text.length() ? text.charAt(i) : -1;
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
