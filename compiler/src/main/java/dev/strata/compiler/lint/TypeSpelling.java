package dev.strata.compiler.lint;

import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a column's type is written in a revision file: the AST keeps the column name's position but
 * not the type's, so the type is found in the source text right after the name (after {@code [SET
 * DATA] TYPE} in an {@code ALTER COLUMN}), skipping white space and comments. The spelling runs
 * from the type's first word through its parenthesised modifiers ({@code CHAR(3)}, {@code
 * TIMESTAMP(3)}) and a following {@code WITH[OUT] TIME ZONE}; array brackets are not part of it.
 *
 * @param span the spelling's position (on one line)
 * @param text the spelling as written, e.g. {@code timestamp without time zone}
 * @param lineText the whole source line the spelling is on
 * @param offset the spelling's offset in the source text, in chars
 */
record TypeSpelling(Span span, String text, String lineText, int offset) {

  /**
   * The type written after the name at {@code name} in {@code source}, or empty when the text there
   * is not a type (a name strata made up, a column of a {@code -- +model} block written otherwise).
   *
   * @param alterType whether the name is an {@code ALTER COLUMN}'s, so that {@code SET DATA TYPE}
   *     or {@code TYPE} comes first
   */
  static Optional<TypeSpelling> after(SourceFile source, Span name, boolean alterType) {
    String text = source.text();
    int at = offset(text, name.line(), name.column());
    if (at < 0) {
      return Optional.empty();
    }
    at = skip(text, at + name.length());
    if (alterType) {
      for (String word : new String[] {"SET", "DATA", "TYPE"}) {
        if (wordAt(text, at).equalsIgnoreCase(word)) {
          at = skip(text, at + word.length());
        }
      }
    }
    String first = wordAt(text, at);
    if (first.isEmpty()) {
      return Optional.empty();
    }
    int end = at + first.length();
    int next = skipBlanks(text, end);
    if (next < text.length() && text.charAt(next) == '(') {
      int close = text.indexOf(')', next);
      if (close > 0 && text.substring(next, close).indexOf('\n') < 0) {
        end = close + 1;
      }
    }
    int zone = skipBlanks(text, end);
    String rest = text.substring(zone, Math.min(text.length(), zone + 40))
        .toUpperCase(Locale.ROOT).replaceAll("[ \\t]+", " ");
    for (String suffix : new String[] {"WITHOUT TIME ZONE", "WITH TIME ZONE"}) {
      if (rest.startsWith(suffix)) {
        int words = 0;
        int k = zone;
        // walk over the three words as written (any run of blanks between them)
        while (words < 3 && k < text.length()) {
          k += wordAt(text, k).length();
          words++;
          if (words < 3) {
            k = skipBlanks(text, k);
          }
        }
        end = k;
        break;
      }
    }
    int lineStart = text.lastIndexOf('\n', at - 1) + 1;
    int lineEnd = text.indexOf('\n', at);
    String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    int column = at - lineStart + 1;
    int length = Math.max(1, Math.min(end, lineStart + line.length()) - at);
    int lineNo = 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    return Optional.of(new TypeSpelling(new Span(lineNo, column, length),
        text.substring(at, at + length), line, at));
  }

  /**
   * The source line with this spelling replaced by {@code replacement}, stripped, without a
   * trailing comma: the column definition as it should be written.
   */
  String lineWith(String replacement) {
    int from = span.column() - 1;
    String replaced = lineText.substring(0, from) + replacement
        + lineText.substring(Math.min(lineText.length(), from + span.length()));
    String out = replaced.strip();
    if (out.endsWith(",")) {
      out = out.substring(0, out.length() - 1).stripTrailing();
    }
    return out;
  }

  /**
   * {@code statement}'s text (which starts at {@code statementSpan} of {@code source}) with this
   * spelling replaced by {@code replacement}, when the spelling is inside it.
   */
  Optional<String> replacedIn(SourceFile source, Span statementSpan, String statementText,
      String replacement) {
    int start = offset(source.text(), statementSpan.line(), statementSpan.column());
    int from = offset - start;
    if (start < 0 || from < 0 || from + span.length() > statementText.length()) {
      return Optional.empty();
    }
    return Optional.of(statementText.substring(0, from) + replacement
        + statementText.substring(from + span.length()));
  }

  private static int offset(String text, int line, int column) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      at = text.indexOf('\n', at);
      if (at < 0) {
        return -1;
      }
      at++;
    }
    int out = at + column - 1;
    return out <= text.length() ? out : -1;
  }

  /** Past white space and {@code --} and {@code /* *}{@code /} comments. */
  private static int skip(String text, int at) {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (Character.isWhitespace(c)) {
        at++;
      } else if (text.startsWith("--", at)) {
        int eol = text.indexOf('\n', at);
        at = eol < 0 ? text.length() : eol + 1;
      } else if (text.startsWith("/*", at)) {
        int close = text.indexOf("*/", at + 2);
        at = close < 0 ? text.length() : close + 2;
      } else {
        break;
      }
    }
    return at;
  }

  private static int skipBlanks(String text, int at) {
    while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
      at++;
    }
    return at;
  }

  /** The bare word (letters, digits, {@code _}) or double-quoted name at {@code at}, or "". */
  private static String wordAt(String text, int at) {
    if (at >= text.length()) {
      return "";
    }
    if (text.charAt(at) == '"') {
      int close = text.indexOf('"', at + 1);
      return close < 0 ? "" : text.substring(at, close + 1);
    }
    int end = at;
    while (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
      end++;
    }
    return text.substring(at, end);
  }
}
