package dev.strata.compiler.schema;

import dev.strata.grammar.ast.DataType;
import java.util.Objects;
import java.util.Optional;

/**
 * What an expression needs to know of a column it names without its table: the kind of its type,
 * whether it is an array, and the name of a named type ({@link SchemaModel#columnKinds}). Two
 * columns of one name whose types differ only in size or scale ({@code VARCHAR(100)}, {@code
 * VARCHAR(200)}) have one kind.
 *
 * @param kind the type's kind ({@code NUMERIC} for {@code NUMERIC(20,4)}); for a named type
 *     (an enum, a domain) {@link DataType.Kind#NAMED}
 * @param array whether the column holds arrays of it
 * @param type the named type's name ({@code public.mood}, folded), present exactly for {@link
 *     DataType.Kind#NAMED}: what tells an enum column's labels and their order
 */
public record ColumnKind(DataType.Kind kind, boolean array, Optional<ObjectName> type) {
  public ColumnKind {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(type, "type");
    if (type.isPresent() != (kind == DataType.Kind.NAMED)) {
      throw new IllegalArgumentException("a type name goes with NAMED only: " + kind + " " + type);
    }
  }

  /** A built-in kind (not {@link DataType.Kind#NAMED}). */
  public ColumnKind(DataType.Kind kind, boolean array) {
    this(kind, array, Optional.empty());
  }

  /** Every built-in kind, made once: [kind][array ? 1 : 0]; null for NAMED. */
  private static final ColumnKind[][] ALL = new ColumnKind[DataType.Kind.values().length][];

  static {
    for (DataType.Kind kind : DataType.Kind.values()) {
      ALL[kind.ordinal()] = kind == DataType.Kind.NAMED ? null
          : new ColumnKind[] {new ColumnKind(kind, false), new ColumnKind(kind, true)};
    }
  }

  /**
   * The kind of {@code column}: one instance per built-in kind (the replay asks at every change of
   * a table, for each column), a new one for a named type.
   */
  public static ColumnKind of(Column column) {
    return of(column.type());
  }

  /** The kind of a column of {@code type}. */
  public static ColumnKind of(DataType type) {
    if (type.kind() == DataType.Kind.NAMED) {
      return new ColumnKind(DataType.Kind.NAMED, type.isArray(),
          Optional.of(ObjectName.of(type.named().orElseThrow().name())));
    }
    return ALL[type.kind().ordinal()][type.isArray() ? 1 : 0];
  }
}
