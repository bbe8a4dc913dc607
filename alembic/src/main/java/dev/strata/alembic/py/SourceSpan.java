package dev.strata.alembic.py;

/**
 * The source text of a statement or expression and where it starts and ends, so that a
 * placeholder can quote the original lines and point at them.
 *
 * @param start where the first token starts
 * @param end where the last token ends (its last character)
 * @param text the exact source text from {@code start} to {@code end}, as written
 */
public record SourceSpan(Position start, Position end, String text) {
  /** Checks that the span is not empty and does not end before it starts. */
  public SourceSpan {
    if (start == null || end == null || text == null) {
      throw new IllegalArgumentException("a source span needs a start, an end and its text");
    }
    if (end.line() < start.line()
        || (end.line() == start.line() && end.column() < start.column())) {
      throw new IllegalArgumentException("span ends at " + end + " before it starts at " + start);
    }
  }
}
