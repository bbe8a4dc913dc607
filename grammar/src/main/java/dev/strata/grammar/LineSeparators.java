package dev.strata.grammar;

import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * U+0085 (NEXT LINE), U+2028 (LINE SEPARATOR) and U+2029 (PARAGRAPH SEPARATOR) in the lines that
 * give a revision its structure, header and directive lines. An editor may show a line break
 * there, but strata and psql end lines only at LF and CR, so what follows still belongs to the line
 * (and a header line holding one would not read as a {@code key: value} line). Also a file whose
 * lines end with a carriage return alone (classic Mac OS, no line feed anywhere): the lexer's
 * comments end there, but strata's lines and psql's do not, so the whole file is one line.
 */
final class LineSeparators {
  private static final Map<Character, String> NAMES = Map.of(
      '\u0085', "U+0085 (NEXT LINE)",
      '\u2028', "U+2028 (LINE SEPARATOR)",
      '\u2029', "U+2029 (PARAGRAPH SEPARATOR)");

  private LineSeparators() {}

  /** The index of the first U+0085, U+2028 or U+2029 in {@code text}, or -1. */
  static int find(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (NAMES.containsKey(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * How a message names the separator {@code c} that {@link #find} found, e.g. {@code U+2028
   * (LINE SEPARATOR)}.
   */
  static String name(char c) {
    return NAMES.get(c);
  }

  /**
   * Fails on the first such character in {@code line}, or on a carriage return that ends it in a
   * file with no line feed at all.
   *
   * @param kind what the line is, for the message: {@code "header"} or {@code "directive"}
   * @throws ParseFailure E0123 at the character
   */
  static void requireNone(SourceText source, Token line, String kind) {
    String whole = source.text();
    // with no line feed anywhere, every carriage return ends a line alone (found at once in a
    // file that has one: its first line ends there)
    if (whole.indexOf('\n') < 0) {
      int alone = whole.indexOf('\r', line.getStartIndex());
      if (alone >= 0 && alone <= line.getStopIndex() + 1) {
        String file = source.file().path();
        throw ParseCode.LINE_SEPARATOR.fail(source.file(), source.at(alone),
            "a carriage return alone ends this " + kind + " line: the file's lines end with CR"
                + " (classic Mac OS), which strata reads as one line",
            "help: save the file with LF or CRLF line ends: tr '\\r' '\\n' < '" + file
                + "' > '" + file + ".lf' && mv '" + file + ".lf' '" + file + "'");
      }
    }
    int i = find(line.getText());
    if (i >= 0) {
      throw ParseCode.LINE_SEPARATOR.fail(source.file(), source.at(line.getStartIndex() + i),
          name(line.getText().charAt(i)) + " in a " + kind + " line",
          "help: remove it: strata and psql end a line only at a line feed or carriage return,"
              + " so the rest of this line still belongs to it, though an editor may show it on"
              + " a line of its own");
    }
  }
}
