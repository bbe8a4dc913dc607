package dev.strata.grammar;

import dev.strata.grammar.ast.Expr;
import java.util.Arrays;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * A {@link SourceFile} seen through token positions: spans of tokens and of char offsets, and
 * exact source substrings with line endings normalised to {@code \n} (so CRLF input gives the same
 * texts as LF input). Offsets are UTF-16 indexes into the text, as the lexer's input stream counts.
 */
final class SourceText {
  private final SourceFile file;
  private final String text;
  private final int[] lineStarts;

  SourceText(SourceFile file) {
    this.file = file;
    this.text = file.text();
    this.lineStarts = lineStarts(text);
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    return Arrays.copyOf(starts, count);
  }

  SourceFile file() {
    return file;
  }

  String text() {
    return text;
  }

  /** Where {@code token} starts, as long as the token's text on its first line (at least 1). */
  Span span(Token token) {
    return spanOf(token.getStartIndex(), token.getStopIndex() + 1);
  }

  /** From the start of {@code first} to the end of {@code last}, cut at the end of the first line. */
  Span span(Token first, Token last) {
    return spanOf(first.getStartIndex(), last.getStopIndex() + 1);
  }

  /** The chars {@code [start, end)}, cut at the end of the line where they start. */
  Span spanOf(int start, int end) {
    int line = lineOf(start);
    int lineEnd = end;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lineEnd = i;
        break;
      }
    }
    return new Span(line + 1, start - lineStarts[line] + 1, Math.max(1, lineEnd - start));
  }

  /** A one-character span at char offset {@code offset} (which may be the end of the text). */
  Span at(int offset) {
    int line = lineOf(offset);
    return new Span(line + 1, offset - lineStarts[line] + 1, 1);
  }

  /** The end of the text: after the last character, or on the line after a final newline. */
  Span endOfFile() {
    int end = text.length();
    if (end > 0 && text.charAt(end - 1) == '\n') {
      return new Span(lineStarts.length, 1, 1);
    }
    return at(end);
  }

  /** Just after {@code token}, e.g. where a missing {@code ;} belongs. */
  Span after(Token token) {
    int end = token.getStopIndex() + 1;
    while (end > token.getStartIndex() && isLineBreak(text.charAt(end - 1))) {
      end--;
    }
    return at(end);
  }

  /** Whether only blanks (spaces, tabs, a byte-order mark) precede {@code token} on its line. */
  boolean atLineStart(Token token) {
    for (int i = token.getStartIndex() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (isLineBreak(c)) {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\uFEFF') {
        return false;
      }
    }
    return true;
  }

  /** The source from the start of {@code first} to the end of {@code last}, line ends as LF. */
  String text(Token first, Token last) {
    return normalized(first.getStartIndex(), last.getStopIndex() + 1);
  }

  /** The chars {@code [start, end)} with CRLF and lone CR turned into LF. */
  String normalized(int start, int end) {
    String raw = text.substring(start, end);
    return raw.indexOf('\r') < 0 ? raw : raw.replace("\r\n", "\n").replace('\r', '\n');
  }

  /**
   * The expression matched by {@code context}, as written; its span runs from its first token to
   * its last, cut at the end of the first line.
   */
  Expr expr(ParserRuleContext context) {
    return new Expr(text(context.getStart(), context.getStop()),
        span(context.getStart(), context.getStop()));
  }

  private int lineOf(int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found : -found - 2;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }
}
