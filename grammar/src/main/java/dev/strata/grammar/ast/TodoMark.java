package dev.strata.grammar.ast;

import dev.strata.grammar.Span;
import java.util.Objects;

/**
 * A {@code -- +todo TEXT} line: a placeholder that {@code strata import alembic} leaves where it
 * could not translate the original Python. The file parses, but every command that compiles the
 * revision refuses it (E0155) until the author writes the SQL and deletes the line.
 *
 * @param direction the section the line is in
 * @param text the rest of the line after {@code +todo}, trimmed (never empty)
 * @param span the directive itself, {@code -- +todo}
 */
public record TodoMark(Direction direction, String text, Span span) {
  /** Checks that nothing is missing and that the text is not blank. */
  public TodoMark {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(span, "span");
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a '-- +todo' line has a text");
    }
  }
}
