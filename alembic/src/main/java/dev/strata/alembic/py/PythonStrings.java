package dev.strata.alembic.py;

import java.util.Locale;

/**
 * Python string literals, decoded as the Python language reference ("String and Bytes literals")
 * has it: the prefix, the quotes (one or three), then the body with its escape sequences; a raw
 * string keeps its backslashes. Line ends inside the literal read as {@code \n}.
 */
final class PythonStrings {
  private PythonStrings() {}

  /**
   * The value of one literal token, or null for a bytes literal or an f-string (whose value is not
   * a text the source holds).
   */
  static String decode(String token) {
    int quote = 0;
    while (quote < token.length() && token.charAt(quote) != '\'' && token.charAt(quote) != '"') {
      quote++;
    }
    String prefix = token.substring(0, quote).toLowerCase(Locale.ROOT);
    if (prefix.contains("b") || prefix.contains("f")) {
      return null;
    }
    boolean raw = prefix.contains("r");
    char q = token.charAt(quote);
    int width = token.startsWith(String.valueOf(q).repeat(3), quote)
        && token.length() - quote >= 6 ? 3 : 1;
    String body = token.substring(quote + width, token.length() - width)
        .replace("\r\n", "\n").replace('\r', '\n');
    return raw ? body : unescape(body);
  }

  private static String unescape(String body) {
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 == body.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = body.charAt(i + 1);
      i += 2;
      switch (next) {
        case '\n' -> { }
        case '\\', '\'', '"' -> out.append(next);
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case 'x' -> i = hex(body, i, 2, out, "\\x");
        case 'u' -> i = hex(body, i, 4, out, "\\u");
        case 'U' -> i = hex(body, i, 8, out, "\\U");
        case 'N' -> i = named(body, i, out);
        default -> {
          if (next >= '0' && next <= '7') {
            int end = i - 1;
            while (end < body.length() && end < i + 2 && body.charAt(end) >= '0'
                && body.charAt(end) <= '7') {
              end++;
            }
            out.appendCodePoint(Integer.parseInt(body.substring(i - 1, end), 8));
            i = end;
          } else {
            out.append('\\').append(next);
          }
        }
      }
    }
    return out.toString();
  }

  private static int hex(String body, int from, int digits, StringBuilder out, String escape) {
    if (from + digits > body.length()) {
      out.append(escape);
      return from;
    }
    try {
      out.appendCodePoint(Integer.parseInt(body.substring(from, from + digits), 16));
      return from + digits;
    } catch (IllegalArgumentException e) {
      out.append(escape);
      return from;
    }
  }

  private static int named(String body, int from, StringBuilder out) {
    int close = body.indexOf('}', from);
    if (from < body.length() && body.charAt(from) == '{' && close > from) {
      try {
        out.appendCodePoint(Character.codePointOf(body.substring(from + 1, close)));
        return close + 1;
      } catch (IllegalArgumentException e) {
        // not a Unicode name: kept as written
      }
    }
    out.append("\\N");
    return from;
  }
}
