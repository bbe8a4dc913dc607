package dev.strata.compiler.schema;

import dev.strata.grammar.ast.ConstraintTiming;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.MatchType;
import dev.strata.grammar.ast.ReferentialAction;
import dev.strata.grammar.ast.TableConstraint;
import java.util.List;
import java.util.Optional;

/**
 * A table constraint of the model, always named: a constraint written without a name gets the one
 * PostgreSQL would generate ({@code <table>_pkey}, {@code <table>_<columns>_key}, {@code
 * <table>_<columns>_fkey}, {@code <table>_<column>_check}; see {@code ImplicitNames}). Column
 * constraints ({@code id BIGINT PRIMARY KEY}) are stored here as the table constraints they are.
 */
public sealed interface Constraint {

  /** The folded name, as the catalog holds it. */
  String name();

  /** Where it was created. */
  Origin origin();

  /** The columns it covers, in order (empty for a check). */
  List<String> columns();

  /** {@code PRIMARY KEY (columns)}, with the unique index of the same name it creates. */
  record PrimaryKey(String name, List<String> columns, ConstraintTiming timing, Origin origin)
      implements Constraint {
    public PrimaryKey {
      columns = List.copyOf(columns);
    }
  }

  /** {@code UNIQUE [NULLS NOT DISTINCT] (columns)}, with the unique index of the same name. */
  record Unique(
      String name,
      List<String> columns,
      boolean nullsNotDistinct,
      ConstraintTiming timing,
      Origin origin)
      implements Constraint {
    public Unique {
      columns = List.copyOf(columns);
    }
  }

  /** {@code CHECK (condition) [NOT VALID]}. */
  record Check(String name, Expr condition, boolean notValid, Origin origin)
      implements Constraint {
    @Override
    public List<String> columns() {
      return List.of();
    }
  }

  /**
   * {@code FOREIGN KEY (columns) REFERENCES table (referencedColumns) ...}; {@code
   * referencedColumns} is the referenced table's primary key when the statement named none.
   */
  record ForeignKey(
      String name,
      List<String> columns,
      ObjectName references,
      List<String> referencedColumns,
      Optional<MatchType> match,
      Optional<ReferentialAction> onDelete,
      Optional<ReferentialAction> onUpdate,
      ConstraintTiming timing,
      boolean notValid,
      Origin origin)
      implements Constraint {
    public ForeignKey {
      columns = List.copyOf(columns);
      referencedColumns = List.copyOf(referencedColumns);
    }
  }

  /** {@code EXCLUDE ...}, kept as parsed. */
  record Exclude(String name, TableConstraint.Exclude definition, Origin origin)
      implements Constraint {
    @Override
    public List<String> columns() {
      return definition.elements().stream()
          .flatMap(element -> element.key().column().stream())
          .map(ObjectName::fold)
          .toList();
    }
  }
}
