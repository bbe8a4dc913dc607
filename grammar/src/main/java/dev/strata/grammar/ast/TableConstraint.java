package dev.strata.grammar.ast;

import java.util.List;
import java.util.Optional;

/**
 * A table-level constraint ({@code CREATE TABLE} element or {@code ADD CONSTRAINT}), with its
 * deferrability ({@link ConstraintTiming}) and {@code NOT VALID} where PostgreSQL allows them
 * (keys and foreign keys may be deferrable; checks and foreign keys may be {@code NOT VALID}).
 */
public sealed interface TableConstraint {

  /** The optional {@code CONSTRAINT name}. */
  Optional<Identifier> name();

  /** {@code PRIMARY KEY (columns) [DEFERRABLE ...]} */
  record PrimaryKey(Optional<Identifier> name, List<Identifier> columns, ConstraintTiming timing)
      implements TableConstraint {
    public PrimaryKey {
      columns = List.copyOf(columns);
    }

    /** A key that is not deferrable. */
    public PrimaryKey(Optional<Identifier> name, List<Identifier> columns) {
      this(name, columns, ConstraintTiming.NONE);
    }
  }

  /** {@code UNIQUE [NULLS NOT DISTINCT] (columns) [DEFERRABLE ...]} */
  record Unique(
      Optional<Identifier> name,
      List<Identifier> columns,
      boolean nullsNotDistinct,
      ConstraintTiming timing)
      implements TableConstraint {
    public Unique {
      columns = List.copyOf(columns);
    }

    /** A unique constraint where nulls are distinct, not deferrable. */
    public Unique(Optional<Identifier> name, List<Identifier> columns) {
      this(name, columns, false, ConstraintTiming.NONE);
    }
  }

  /** {@code CHECK (condition) [NOT VALID]} */
  record Check(Optional<Identifier> name, Expr condition, boolean notValid)
      implements TableConstraint {
    /** A check that is validated when added. */
    public Check(Optional<Identifier> name, Expr condition) {
      this(name, condition, false);
    }
  }

  /**
   * {@code FOREIGN KEY (columns) REFERENCES table [(columns)] [MATCH m] [ON DELETE a] [ON UPDATE a]
   * [DEFERRABLE ...] [NOT VALID]}
   */
  record ForeignKey(
      Optional<Identifier> name,
      List<Identifier> columns,
      QualifiedName table,
      List<Identifier> referencedColumns,
      Optional<MatchType> match,
      Optional<ReferentialAction> onDelete,
      Optional<ReferentialAction> onUpdate,
      ConstraintTiming timing,
      boolean notValid)
      implements TableConstraint {
    public ForeignKey {
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
    }

    /** A foreign key without MATCH, not deferrable, validated when added. */
    public ForeignKey(
        Optional<Identifier> name,
        List<Identifier> columns,
        QualifiedName table,
        List<Identifier> referencedColumns,
        Optional<ReferentialAction> onDelete,
        Optional<ReferentialAction> onUpdate) {
      this(name, columns, table, referencedColumns, Optional.empty(), onDelete, onUpdate,
          ConstraintTiming.NONE, false);
    }
  }

  /**
   * {@code PRIMARY KEY USING INDEX index} or {@code UNIQUE USING INDEX index} (only in {@code ALTER
   * TABLE ... ADD}): the constraint takes over an existing unique index, whose columns it keeps.
   */
  record UsingIndex(
      Optional<Identifier> name, boolean primaryKey, Identifier index, ConstraintTiming timing)
      implements TableConstraint {}

  /**
   * {@code EXCLUDE [USING method] (key WITH operator, ...) [INCLUDE (columns)] [WITH (parameters)]
   * [WHERE (predicate)] [DEFERRABLE ...]}: no two rows may match on every key with its operator.
   */
  record Exclude(
      Optional<Identifier> name,
      Optional<String> method,
      List<ExclusionElement> elements,
      List<Identifier> include,
      List<StorageParameter> options,
      Optional<Expr> where,
      ConstraintTiming timing)
      implements TableConstraint {
    public Exclude {
      elements = List.copyOf(elements);
      include = List.copyOf(include);
      options = List.copyOf(options);
      if (elements.isEmpty()) {
        throw new IllegalArgumentException("EXCLUDE has at least one key");
      }
    }
  }

  /** One {@code key WITH operator} of an {@link Exclude}; the operator as written ({@code &&}). */
  record ExclusionElement(IndexElement key, String operator) {}
}
