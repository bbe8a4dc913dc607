package dev.strata.compiler.schema;

import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.QualifiedName;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's column with everything that defines it.
 *
 * @param name the folded name
 * @param type the type as written ({@code SERIAL} stays {@code SERIAL}: its sequence and default
 *     are implied)
 * @param notNull {@code NOT NULL}, also implied by a primary key or an identity
 * @param defaultValue the server default, as written
 * @param identity {@code GENERATED ... AS IDENTITY} with its sequence options
 * @param generated the expression of {@code GENERATED ALWAYS AS (expr) STORED}
 * @param collation {@code COLLATE}, as written
 * @param comment {@code COMMENT ON COLUMN}
 */
public record Column(
    String name,
    DataType type,
    boolean notNull,
    Optional<Expr> defaultValue,
    Optional<ColumnConstraint.Identity> identity,
    Optional<Expr> generated,
    Optional<QualifiedName> collation,
    Optional<String> comment,
    Origin origin) {
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(generated, "generated");
    Objects.requireNonNull(collation, "collation");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(origin, "origin");
  }
}
