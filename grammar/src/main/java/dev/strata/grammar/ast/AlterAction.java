package dev.strata.grammar.ast;

import java.util.List;
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

  /**
   * {@code ALTER [COLUMN] name ADD GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)]}: makes
   * a {@code NOT NULL} column an identity column (pg_dump writes every identity this way).
   */
  record AddIdentity(Identifier column, boolean always, List<SequenceOption> options)
      implements AlterAction {
    public AddIdentity {
      options = List.copyOf(options);
    }
  }

  /**
   * {@code ALTER [COLUMN] name} followed by identity changes: {@code SET GENERATED {ALWAYS | BY
   * DEFAULT}} ({@code always}, when written), {@code SET option} and {@code RESTART [[WITH] n]}
   * ({@code options}, in written order, a restart as {@link SequenceOption.Restart}).
   */
  record AlterIdentity(Identifier column, Optional<Boolean> always, List<SequenceOption> options)
      implements AlterAction {
    public AlterIdentity {
      options = List.copyOf(options);
      if (always.isEmpty() && options.isEmpty()) {
        throw new IllegalArgumentException("an identity change changes something");
      }
    }
  }

  /** {@code ALTER [COLUMN] name DROP IDENTITY [IF EXISTS]} */
  record DropIdentity(Identifier column, boolean ifExists) implements AlterAction {}

  /** {@code RENAME CONSTRAINT from TO to} */
  record RenameConstraint(Identifier from, Identifier to) implements AlterAction {}

  /**
   * {@code ALTER CONSTRAINT name [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]}: changes when a
   * foreign key is checked; at least one clause is written.
   */
  record AlterConstraint(Identifier name, ConstraintTiming timing) implements AlterAction {
    public AlterConstraint {
      if (timing.isDefault()) {
        throw new IllegalArgumentException("ALTER CONSTRAINT changes the deferrability");
      }
    }
  }

  /** {@code VALIDATE CONSTRAINT name}: checks the rows against a constraint added NOT VALID. */
  record ValidateConstraint(Identifier name) implements AlterAction {}

  /** {@code ATTACH PARTITION partition bound} */
  record AttachPartition(QualifiedName partition, PartitionBound bound) implements AlterAction {}

  /** {@code SET SCHEMA schema}: moves the table (with its indexes, constraints, sequences). */
  record SetSchema(Identifier schema) implements AlterAction {}

  /** {@code DETACH PARTITION partition} */
  record DetachPartition(QualifiedName partition) implements AlterAction {}
}
