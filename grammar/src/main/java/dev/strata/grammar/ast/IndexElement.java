package dev.strata.grammar.ast;

import java.util.List;
import java.util.Optional;

/**
 * One key of an index (or of a {@code PARTITION BY}): a column, or an expression written in
 * parentheses, with its optional {@code COLLATE} collation, operator class (and the class's
 * parameters, {@code gin_trgm_ops (siglen = 32)}), order and {@code NULLS} order, as PostgreSQL's
 * index_elem. Exactly one of {@code column} and {@code expression} is present.
 */
public record IndexElement(
    Optional<Identifier> column,
    Optional<Expr> expression,
    Optional<QualifiedName> collation,
    Optional<QualifiedName> opclass,
    List<StorageParameter> opclassParameters,
    SortOrder order,
    NullsOrder nulls) {

  public IndexElement {
    if (column.isPresent() == expression.isPresent()) {
      throw new IllegalArgumentException("an index element is a column or an expression");
    }
    opclassParameters = List.copyOf(opclassParameters);
    if (!opclassParameters.isEmpty() && opclass.isEmpty()) {
      throw new IllegalArgumentException("operator class parameters need an operator class");
    }
  }

  /** A key with no collation, operator class or {@code NULLS} order. */
  public IndexElement(Optional<Identifier> column, Optional<Expr> expression, SortOrder order) {
    this(column, expression, Optional.empty(), Optional.empty(), List.of(), order,
        NullsOrder.DEFAULT);
  }

  /** {@code ASC}/{@code DESC} as written, or {@link #DEFAULT} when neither was. */
  public enum SortOrder {
    DEFAULT,
    ASC,
    DESC
  }

  /** {@code NULLS FIRST}/{@code NULLS LAST} as written, or {@link #DEFAULT} when neither was. */
  public enum NullsOrder {
    DEFAULT,
    FIRST,
    LAST
  }
}
