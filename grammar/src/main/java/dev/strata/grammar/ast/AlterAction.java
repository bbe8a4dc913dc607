package dev.strata.grammar.ast;

import java.util.Optional;

/** One action of an {@code ALTER TABLE} statement (PostgreSQL allows several, comma-separated). */
public sealed interface AlterAction {

  /** {@code ADD [COLUMN] [IF NOT EXISTS] column-definition} */
  record AddColumn(ColumnDef column, boolean ifNotExists) implements AlterAction {}

  /** {@code DROP [COLUMN] [IF EXISTS] name [CASCADE]} */
  record DropColumn(Identifier column, boolean ifExists, boolean cascade) implements AlterAction {}

  /** {@code RENAME [COLUMN] from TO to} */
  record RenameColumn(Identifier from, Identifier to) implements AlterAction {}

  /** {@code ALTER [COLUMN] name [SET DATA] TYPE type [COLLATE collation] [USING expr]} */
  record AlterColumnType(
      Identifier column, DataType type, Optional<QualifiedName> collation, Optional<Expr> using)
      implements AlterAction {
    /** A type change without a collation. */
    public AlterColumnType(Identifier column, DataType type, Optional<Expr> using) {
      this(column, type, Optional.empty(), using);
    }
  }

  /** {@code ALTER [COLUMN] name SET DEFAULT expr} */
  record SetDefault(Identifier column, Expr value) implements AlterAction {}

  /** {@code ALTER [COLUMN] name DROP DEFAULT} */
  record DropDefault(Identifier column) implements AlterAction {}

  /** {@code ALTER [COLUMN] name SET NOT NULL} */
  record SetNotNull(Identifier column) implements AlterAction {}

  /** {@code ALTER [COLUMN] name DROP NOT NULL} */
  record DropNotNull(Identifier column) implements AlterAction {}

  /**
   * {@code ALTER [COLUMN] name DROP EXPRESSION [IF EXISTS]}: a generated column becomes a plain
   * one, keeping its values (PostgreSQL 13 and later).
   */
  record DropExpression(Identifier column, boolean ifExists) implements AlterAction {}

  /** {@code ADD table-constraint} */
  record AddConstraint(TableConstraint constraint) implements AlterAction {}

  /** {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE]} */
  record DropConstraint(Identifier name, boolean ifExists, boolean cascade)
      implements AlterAction {}

  /** {@code RENAME TO new_name} */
  record RenameTable(Identifier newName) implements AlterAction {}
}
