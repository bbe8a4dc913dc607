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

  /**
   * Fails on the first such character in {@code line}.
   *
   * @param kind what the line is, for the message: {@code "header"} or {@code "directive"}
   * @throws ParseFailure E0123 at the character
   */
  static void requireNone(SourceText source, Token line, String kind) {
    String whole = source.text();
    int end = line.getStopIndex() + 1;
    for (int i = line.getStartIndex(); i <= Math.min(end, whole.length() - 1); i++) {
      if (whole.charAt(i) == '\r' && (i + 1 == whole.length() || whole.charAt(i + 1) != '\n')
          && whole.indexOf('\n') < 0) {
        String file = source.file().path();
        throw ParseCode.LINE_SEPARATOR.fail(source.file(), source.at(i),
            "a carriage return alone ends this " + kind + " line: the file's lines end with CR"
                + " (classic Mac OS), which strata reads as one line",
            "help: save the file with LF or CRLF line ends: tr '\\r' '\\n' < '" + file
                + "' > '" + file + ".lf' && mv '" + file + ".lf' '" + file + "'");
      }
    }
    String text = line.getText();
    for (int i = 0; i < text.length(); i++) {
      String name = NAMES.get(text.charAt(i));
      if (name != null) {
        throw ParseCode.LINE_SEPARATOR.fail(source.file(), source.at(line.getStartIndex() + i),
            name + " in a " + kind + " line",
            "help: remove it: strata and psql end a line only at a line feed or carriage return,"
                + " so the rest of this line still belongs to it, though an editor may show it on"
                + " a line of its own");
      }
    }
  }
}
