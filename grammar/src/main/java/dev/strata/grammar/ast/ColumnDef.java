package dev.strata.grammar.ast;

import java.util.List;

/**
 * A column definition ({@code CREATE TABLE} element or {@code ADD COLUMN}): name, type and its
 * column constraints in source order.
 */
public record ColumnDef(Identifier name, DataType type, List<ColumnConstraint> constraints) {
  public ColumnDef {
    constraints = List.copyOf(constraints);
  }
}
