package dev.strata.compiler.schema;

import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.QualifiedName;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    type = Types.shared(Objects.requireNonNull(type, "type"));
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(generated, "generated");
    Objects.requireNonNull(collation, "collation");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(origin, "origin");
  }

  /**
   * One instance per distinct type: a model of 100,000 tables has some 600,000 columns of a dozen
   * types, each decoded into its own {@code DataType} (with its {@code OptionalInt}s), about 27 MB
   * kept for nothing. Built-in types are values (no position), so any equal one serves; a named
   * type holds the positions of its name and is kept as it came. At most {@value #MOST} are
   * remembered; past that a type is kept as it came.
   */
  private static final class Types {
    private static final int MOST = 4096;
    private static final ConcurrentHashMap<DataType, DataType> SEEN = new ConcurrentHashMap<>();

    static DataType shared(DataType type) {
      if (type.named().isPresent()) {
        return type;
      }
      DataType seen = SEEN.get(type);
      if (seen != null) {
        return seen;
      }
      if (SEEN.size() >= MOST) {
        return type;
      }
      seen = SEEN.putIfAbsent(type, type);
      return seen != null ? seen : type;
    }
  }
}
