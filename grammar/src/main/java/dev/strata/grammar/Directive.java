package dev.strata.grammar;

import java.util.Locale;
import org.antlr.v4.runtime.Token;

/**
 * One directive line, {@code -- +word argument}, taken apart.
 *
 * @param word the directive's name, lowercase, without the {@code +}
 * @param argument the rest of the line, trimmed ({@code ""} when none)
 * @param span from {@code --} to the end of the trimmed line
 * @param wordSpan the {@code +word}
 * @param argumentSpan the argument, or the place just after the word when there is none
 */
record Directive(String word, String argument, Span span, Span wordSpan, Span argumentSpan) {

  /** Takes apart a {@code DIRECTIVE} or {@code DIALECT_DIRECTIVE} token. */
  static Directive of(Token token, SourceText source) {
    String text = token.getText();
    int base = token.getStartIndex();
    int dashes = text.indexOf("--");
    int plus = text.indexOf('+', dashes);
    int wordEnd = plus + 1;
    while (wordEnd < text.length() && isWordChar(text.charAt(wordEnd))) {
      wordEnd++;
    }
    int end = text.length();
    while (end > wordEnd && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int argumentStart = wordEnd;
    while (argumentStart < end && Character.isWhitespace(text.charAt(argumentStart))) {
      argumentStart++;
    }
    return new Directive(
        text.substring(plus + 1, wordEnd).toLowerCase(Locale.ROOT),
        text.substring(argumentStart, end),
        source.spanOf(base + dashes, base + end),
        source.spanOf(base + plus, base + wordEnd),
        argumentStart < end ? source.spanOf(base + argumentStart, base + end) : source.at(base + end));
  }

  private static boolean isWordChar(char c) {
    return c == '-' || c == '_' || c < 128 && Character.isLetterOrDigit(c);
  }

  /** How the directive is written in messages, e.g. {@code '-- +upgrade'}. */
  String quoted() {
    return "'-- +" + word + "'";
  }
}
