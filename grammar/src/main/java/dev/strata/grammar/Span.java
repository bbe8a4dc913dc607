package dev.strata.grammar;

/**
 * A place in a {@link SourceFile}: 1-based {@code line} and {@code column} (counted in UTF-16 chars,
 * a tab counts as one) of the first character, and {@code length} in chars on that line (at least 1;
 * a span running past the end of its line is drawn to the end of the line).
 */
public record Span(int line, int column, int length) {
  public Span {
    if (line < 1 || column < 1 || length < 1) {
      throw new IllegalArgumentException("bad span " + line + ":" + column + "+" + length);
    }
  }

  /** A one-character span. */
  public static Span at(int line, int column) {
    return new Span(line, column, 1);
  }
}
