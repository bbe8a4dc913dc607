package dev.strata.grammar.ast;

import java.util.Optional;

/**
 * One key of an index: a column, or an expression written in parentheses, with its order.
 * Exactly one of {@code column} and {@code expression} is present.
 */
public record IndexElement(
    Optional<Identifier> column, Optional<Expr> expression, SortOrder order) {

  public IndexElement {
    if (column.isPresent() == expression.isPresent()) {
      throw new IllegalArgumentException("an index element is a column or an expression");
    }
  }

  /** {@code ASC}/{@code DESC} as written, or {@link #DEFAULT} when neither was. */
  public enum SortOrder {
    DEFAULT,
    ASC,
    DESC
  }
}
