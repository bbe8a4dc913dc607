package dev.strata.alembic.py;

import dev.strata.grammar.Span;
import java.util.Arrays;
import org.antlr.v4.runtime.Token;

/**
 * Maps the lexer's code point indices to char offsets, lines and columns of one source text, as
 * the grammar module's diagnostics count them: lines end at {@code \n} (a {@code \r} before it
 * belongs to the line), columns are 1-based UTF-16 chars.
 */
final class SourceIndex {
  private final String text;
  /** The char offset of each code point, and of the end of the text at index {@code length}. */
  private final int[] charOffsets;
  /** The char offset where each line starts. */
  private final int[] lineStarts;
  private final int[] codePoints;

  SourceIndex(String text) {
    this.text = text;
    this.codePoints = text.codePoints().toArray();
    this.charOffsets = new int[codePoints.length + 1];
    int offset = 0;
    for (int i = 0; i < codePoints.length; i++) {
      charOffsets[i] = offset;
      offset += Character.charCount(codePoints[i]);
    }
    charOffsets[codePoints.length] = offset;
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  int[] codePoints() {
    return codePoints;
  }

  String text() {
    return text;
  }

  /** The char offset of code point {@code index} (the text's length past the end). */
  int charOffset(int index) {
    return charOffsets[Math.max(0, Math.min(index, charOffsets.length - 1))];
  }

  /** The line and column of the char at {@code offset}. */
  Position position(int offset) {
    int line = Arrays.binarySearch(lineStarts, offset);
    if (line < 0) {
      line = -line - 2;
    }
    return new Position(line + 1, offset - lineStarts[line] + 1);
  }

  /** The span from the first char of {@code first} to the last char of {@code last}. */
  SourceSpan span(Token first, Token last) {
    int from = charOffset(first.getStartIndex());
    int to = Math.max(from + 1, charOffset(last.getStopIndex() + 1));
    to = Math.min(to, text.length());
    if (to <= from) {
      Position at = position(from);
      return new SourceSpan(at, at, "");
    }
    return new SourceSpan(position(from), position(to - 1), text.substring(from, to));
  }

  /**
   * The diagnostic span of {@code token}: its first line, at least one char wide (a synthetic or
   * end-of-file token points at where it stands).
   */
  Span diagnosticSpan(Token token) {
    int from = charOffset(token.getStartIndex());
    int to = charOffset(token.getStopIndex() + 1);
    Position at = position(Math.min(from, text.length()));
    int lineEnd = text.indexOf('\n', from);
    if (lineEnd < 0) {
      lineEnd = text.length();
    }
    int length = Math.max(1, Math.min(to, lineEnd) - from);
    return new Span(at.line(), at.column(), length);
  }
}
