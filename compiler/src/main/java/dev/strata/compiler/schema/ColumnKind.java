package dev.strata.compiler.schema;

import dev.strata.grammar.ast.DataType;
import java.util.Objects;

/**
 * What an expression needs to know of a column it names without its table: the kind of its type
 * and whether it is an array ({@link SchemaModel#columnKinds}). Two columns of one name whose types
 * differ only in size or scale ({@code VARCHAR(100)}, {@code VARCHAR(200)}) have one kind.
 *
 * @param kind the type's kind ({@code NUMERIC} for {@code NUMERIC(20,4)}); for a named type
 *     (an enum, a domain) its {@link DataType.Kind}
 * @param array whether the column holds arrays of it
 */
public record ColumnKind(DataType.Kind kind, boolean array) {
  public ColumnKind {
    Objects.requireNonNull(kind, "kind");
  }

  /** Every kind, made once: [kind][array ? 1 : 0]. */
  private static final ColumnKind[][] ALL = new ColumnKind[DataType.Kind.values().length][];

  static {
    for (DataType.Kind kind : DataType.Kind.values()) {
      ALL[kind.ordinal()] = new ColumnKind[] {new ColumnKind(kind, false), new ColumnKind(kind, true)};
    }
  }

  /**
   * The kind of {@code column}: one instance per kind (the replay asks at every change of a
   * table, for each column).
   */
  public static ColumnKind of(Column column) {
    return ALL[column.type().kind().ordinal()][column.type().isArray() ? 1 : 0];
  }
}
