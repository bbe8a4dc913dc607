package dev.strata.grammar.ast;

import java.util.List;
import java.util.Optional;

/** A table-level constraint ({@code CREATE TABLE} element or {@code ADD CONSTRAINT}). */
public sealed interface TableConstraint {

  /** The optional {@code CONSTRAINT name}. */
  Optional<Identifier> name();

  /** {@code PRIMARY KEY (columns)} */
  record PrimaryKey(Optional<Identifier> name, List<Identifier> columns) implements TableConstraint {
    public PrimaryKey {
      columns = List.copyOf(columns);
    }
  }

  /** {@code UNIQUE (columns)} */
  record Unique(Optional<Identifier> name, List<Identifier> columns) implements TableConstraint {
    public Unique {
      columns = List.copyOf(columns);
    }
  }

  /** {@code CHECK (condition)} */
  record Check(Optional<Identifier> name, Expr condition) implements TableConstraint {}

  /** {@code FOREIGN KEY (columns) REFERENCES table [(columns)] [ON DELETE a] [ON UPDATE a]} */
  record ForeignKey(
      Optional<Identifier> name,
      List<Identifier> columns,
      QualifiedName table,
      List<Identifier> referencedColumns,
      Optional<ReferentialAction> onDelete,
      Optional<ReferentialAction> onUpdate)
      implements TableConstraint {
    public ForeignKey {
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
    }
  }
}
