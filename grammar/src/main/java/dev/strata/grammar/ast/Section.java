package dev.strata.grammar.ast;

import dev.strata.grammar.Span;
import java.util.List;

/**
 * An {@code -- +upgrade} or {@code -- +downgrade} section: its statements in source order.
 * {@code span} is the section marker.
 */
public record Section(Direction direction, List<Statement> statements, Span span) {
  public Section {
    statements = List.copyOf(statements);
  }
}
