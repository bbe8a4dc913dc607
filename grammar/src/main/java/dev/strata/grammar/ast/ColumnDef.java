package dev.strata.grammar.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A column definition ({@code CREATE TABLE} element or {@code ADD COLUMN}): name, type, the
 * collation written right after the type ({@code COLLATE "C"}), and its column constraints in
 * source order.
 */
public record ColumnDef(
    Identifier name,
    DataType type,
    Optional<QualifiedName> collation,
    List<ColumnConstraint> constraints) {
  public ColumnDef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(collation, "collation");
    constraints = List.copyOf(constraints);
  }

  /** A column without a collation. */
  public ColumnDef(Identifier name, DataType type, List<ColumnConstraint> constraints) {
    this(name, type, Optional.empty(), constraints);
  }
}
