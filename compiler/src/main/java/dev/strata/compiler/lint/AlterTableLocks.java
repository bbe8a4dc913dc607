package dev.strata.compiler.lint;

import static dev.strata.compiler.lint.LockLevel.ACCESS_EXCLUSIVE;
import static dev.strata.compiler.lint.LockLevel.ROW_SHARE;
import static dev.strata.compiler.lint.LockLevel.SHARE_ROW_EXCLUSIVE;
import static dev.strata.compiler.lint.LockLevel.SHARE_UPDATE_EXCLUSIVE;

import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.TableConstraint;
import java.util.Locale;
import java.util.Optional;

/**
 * The locks of {@code ALTER TABLE}, action by action, as the PostgreSQL manual's ALTER TABLE page
 * gives them ("An ACCESS EXCLUSIVE lock is acquired unless explicitly noted"; {@code
 * AlterTableGetLockLevel} in {@code tablecmds.c}): a statement with several actions holds the
 * strongest. Rewrites and scans come from the schema model before the statement.
 */
final class AlterTableLocks {
  private AlterTableLocks() {}

  /** Adds the locks of {@code alter} to {@code locks}, judged against {@code before}. */
  static void add(Operation.AlterTable alter, SchemaModel before, LockSet locks) {
    ObjectName table = locks.name(alter.table());
    Optional<Table> model = before.table(table);
    for (AlterAction action : alter.actions()) {
      action(table, model, action, before, locks);
    }
  }

  private static void action(ObjectName table, Optional<Table> model, AlterAction action,
      SchemaModel before, LockSet locks) {
    switch (action) {
      case AlterAction.AddColumn add -> addColumn(table, add, locks);
      case AlterAction.DropColumn drop -> {
        locks.add(table, ACCESS_EXCLUSIVE);
        String column = ObjectName.fold(drop.column());
        // the column's foreign keys go with it, and their triggers on the referenced table
        model.ifPresent(t -> t.constraints().stream()
            .filter(Constraint.ForeignKey.class::isInstance)
            .map(Constraint.ForeignKey.class::cast)
            .filter(fk -> fk.columns().contains(column))
            .forEach(fk -> locks.add(fk.references(), ACCESS_EXCLUSIVE)));
      }
      case AlterAction.RenameColumn ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      case AlterAction.AlterColumnType change -> {
        Optional<Column> column = model.flatMap(t -> t.column(ObjectName.fold(change.column())));
        boolean rewrite = column
            .map(c -> ColumnTypes.rewrites(c.type(), change.type(), change.using().isPresent()))
            .orElse(true);
        locks.add(table, ACCESS_EXCLUSIVE, rewrite, false);
      }
      case AlterAction.SetDefault ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      case AlterAction.DropDefault ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      case AlterAction.SetNotNull set ->
          locks.add(table, ACCESS_EXCLUSIVE, false, !provenNotNull(model, set));
      case AlterAction.DropNotNull ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      case AlterAction.DropExpression ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      case AlterAction.AddConstraint add -> addConstraint(table, add.constraint(), locks);
      case AlterAction.DropConstraint drop -> {
        locks.add(table, ACCESS_EXCLUSIVE);
        model.flatMap(t -> t.constraint(ObjectName.fold(drop.name())))
            .filter(Constraint.ForeignKey.class::isInstance)
            .map(Constraint.ForeignKey.class::cast)
            .ifPresent(fk -> locks.add(fk.references(), ACCESS_EXCLUSIVE));
      }
      case AlterAction.RenameTable ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      case AlterAction.AddIdentity ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      case AlterAction.AlterIdentity ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      case AlterAction.DropIdentity ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      case AlterAction.RenameConstraint ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      // ACCESS EXCLUSIVE on PostgreSQL 15, read from pg_locks by StatementLocksPostgresTest
      case AlterAction.AlterConstraint ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      case AlterAction.ValidateConstraint validate -> {
        locks.add(table, SHARE_UPDATE_EXCLUSIVE, false, true);
        model.flatMap(t -> t.constraint(ObjectName.fold(validate.name())))
            .filter(Constraint.ForeignKey.class::isInstance)
            .map(Constraint.ForeignKey.class::cast)
            .ifPresent(fk -> locks.add(fk.references(), ROW_SHARE));
      }
      case AlterAction.AttachPartition attach -> {
        locks.add(table, SHARE_UPDATE_EXCLUSIVE);
        // the partition's rows are checked against the bound unless a constraint proves it
        locks.add(attach.partition(), ACCESS_EXCLUSIVE, false, true);
      }
      case AlterAction.SetSchema ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      case AlterAction.DetachPartition detach -> {
        locks.add(table, ACCESS_EXCLUSIVE);
        locks.add(detach.partition(), ACCESS_EXCLUSIVE);
      }
    }
  }

  /**
   * {@code ADD COLUMN}: no rewrite for a constant or stable default (PostgreSQL 11+), a rewrite for
   * a volatile default, an identity, a serial or a stored generated column; a scan for a {@code NOT
   * NULL} without default (it fails on a table with rows), a {@code CHECK}, a key or a reference.
   */
  private static void addColumn(ObjectName table, AlterAction.AddColumn add, LockSet locks) {
    boolean rewrite = add.column().type().kind().autoIncrement();
    boolean scan = false;
    boolean hasDefault = false;
    boolean notNull = false;
    for (ColumnConstraint constraint : add.column().constraints()) {
      switch (constraint) {
        case ColumnConstraint.NotNull ignored -> notNull = true;
        case ColumnConstraint.Null ignored -> { }
        case ColumnConstraint.Default value -> {
          hasDefault = true;
          rewrite |= Volatility.isVolatile(value.value());
        }
        case ColumnConstraint.Generated ignored -> rewrite = true;
        case ColumnConstraint.PrimaryKey ignored -> {
          notNull = true;
          scan = true;
        }
        case ColumnConstraint.Unique ignored -> scan = true;
        case ColumnConstraint.Check ignored -> scan = true;
        case ColumnConstraint.References reference -> {
          scan = true;
          locks.add(reference.table(), SHARE_ROW_EXCLUSIVE);
        }
        case ColumnConstraint.Identity ignored -> rewrite = true;
      }
    }
    scan |= notNull && !hasDefault && !rewrite;
    locks.add(table, ACCESS_EXCLUSIVE, rewrite, scan && !rewrite);
  }

  /**
   * {@code ADD CONSTRAINT}: a foreign key takes SHARE ROW EXCLUSIVE on both tables, every other
   * constraint ACCESS EXCLUSIVE; a validated check or foreign key scans the table, a key builds
   * its index (a scan), {@code NOT VALID} and {@code USING INDEX} do not scan.
   */
  private static void addConstraint(ObjectName table, TableConstraint constraint, LockSet locks) {
    switch (constraint) {
      case TableConstraint.ForeignKey fk -> {
        locks.add(table, SHARE_ROW_EXCLUSIVE, false, !fk.notValid());
        locks.add(fk.table(), SHARE_ROW_EXCLUSIVE);
      }
      case TableConstraint.Check check -> locks.add(table, ACCESS_EXCLUSIVE, false, !check.notValid());
      case TableConstraint.PrimaryKey ignored -> locks.add(table, ACCESS_EXCLUSIVE, false, true);
      case TableConstraint.Unique ignored -> locks.add(table, ACCESS_EXCLUSIVE, false, true);
      case TableConstraint.UsingIndex ignored -> locks.add(table, ACCESS_EXCLUSIVE);
      case TableConstraint.Exclude ignored -> locks.add(table, ACCESS_EXCLUSIVE, false, true);
    }
  }

  /**
   * Whether a validated {@code CHECK (column IS NOT NULL)} already proves the column has no null,
   * so that {@code SET NOT NULL} skips its scan (PostgreSQL 12 and later).
   */
  private static boolean provenNotNull(Optional<Table> model, AlterAction.SetNotNull set) {
    String wanted = ObjectName.fold(set.column()) + " is not null";
    return model.stream().flatMap(t -> t.constraints().stream())
        .filter(Constraint.Check.class::isInstance)
        .map(Constraint.Check.class::cast)
        .filter(check -> !check.notValid())
        .map(check -> check.condition().sql().toLowerCase(Locale.ROOT)
            .replaceAll("[()\"]", "").replaceAll("\\s+", " ").trim())
        .anyMatch(wanted::equals);
  }
}
