package dev.strata.compiler.lint.pg;

import dev.strata.compiler.lint.ColumnTypes;
import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LockLevel;
import dev.strata.compiler.lint.Rule;
import dev.strata.compiler.lint.StatementContext;
import dev.strata.compiler.lint.StatementRule;
import dev.strata.compiler.lint.Volatility;
import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.ImplicitNames;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaText;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The column rules: {@code set-not-null}, {@code add-column-not-null-without-default}, {@code
 * add-column-rewrites-table} and {@code column-type-change-rewrites-table} (Squawk's {@code
 * adding-not-nullable-field}, {@code adding-required-field}, {@code
 * adding-field-with-default} and {@code changing-column-type}; strong_migrations' "Setting NOT
 * NULL on an existing column", "Adding a column with a volatile default value" and "Changing the
 * type of a column"). Each applies to a table that existed before the revision; {@code
 * set-not-null} also only to a column that did.
 */
final class ColumnRules {
  private ColumnRules() {}

  /**
   * {@code ALTER COLUMN c SET NOT NULL} on an existing column scans the table under an ACCESS
   * EXCLUSIVE lock; the alternative is the four steps through a {@code NOT VALID} check, with the
   * real names.
   */
  static final StatementRule SET_NOT_NULL = context -> actions(context, (table, action, out) -> {
    if (!(action instanceof AlterAction.SetNotNull set)) {
      return;
    }
    String column = ObjectName.fold(set.column());
    if (columnIn(context, table, column, true).isEmpty() || provedNotNull(context, table, column)) {
      return;
    }
    String t = Sites.sql(table);
    String c = ObjectName.quoted(column);
    String check = ObjectName.quoted(ImplicitNames.make(table.name(), column, "not_null"));
    String message = "SET NOT NULL on " + t + "." + c + " scans every row of " + t
        + " while it is locked against reads and writes";
    String alternative = "ALTER TABLE " + t + " ADD CONSTRAINT " + check + " CHECK (" + c
        + " IS NOT NULL) NOT VALID;\n-- then, in a later transaction:\nALTER TABLE " + t
        + " VALIDATE CONSTRAINT " + check + ";\nALTER TABLE " + t + " ALTER COLUMN " + c
        + " SET NOT NULL;\nALTER TABLE " + t + " DROP CONSTRAINT " + check + ";";
    out.add(Sites.finding(context, Rule.SET_NOT_NULL, Sites.of(context, set.column()), message,
            Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, false, true)))
        .withAlternative(alternative));
  });

  /** {@code ADD COLUMN ... NOT NULL} without a default: fails once the table has a row. */
  static final StatementRule NOT_NULL_WITHOUT_DEFAULT = context -> actions(context,
      (table, action, out) -> {
        if (!(action instanceof AlterAction.AddColumn add)) {
          return;
        }
        ColumnDef column = add.column();
        boolean notNull = column.constraints().stream().anyMatch(c ->
            c instanceof ColumnConstraint.NotNull || c instanceof ColumnConstraint.PrimaryKey);
        boolean filled = column.type().kind().autoIncrement() || column.constraints().stream()
            .anyMatch(c -> c instanceof ColumnConstraint.Default
                || c instanceof ColumnConstraint.Generated
                || c instanceof ColumnConstraint.Identity);
        if (!notNull || filled) {
          return;
        }
        String t = Sites.sql(table);
        String c = Sites.sql(column.name());
        String type = SchemaText.type(column.type());
        String message = "ADD COLUMN " + c + " " + type + " NOT NULL without a default fails on "
            + t + " as soon as it has a row";
        String alternative = "ALTER TABLE " + t + " ADD COLUMN " + c + " " + type + ";\n"
            + "-- backfill " + c + " in batches, then SET NOT NULL through a NOT VALID check;"
            + " or a non-volatile default:\nALTER TABLE " + t + " ADD COLUMN " + c + " " + type
            + " NOT NULL DEFAULT <value>;";
        out.add(Sites.finding(context, Rule.ADD_COLUMN_NOT_NULL_NO_DEFAULT,
                Sites.of(context, column.name()), message,
                Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, false, false)))
            .withAlternative(alternative));
      });

  /**
   * {@code ADD COLUMN} with a volatile default, a stored generated expression, an identity or a
   * serial type: every existing row gets its own value, so the table is rewritten.
   */
  static final StatementRule ADD_COLUMN_REWRITE = context -> actions(context,
      (table, action, out) -> {
        if (!(action instanceof AlterAction.AddColumn add)) {
          return;
        }
        ColumnDef column = add.column();
        Optional<String> why = Optional.empty();
        Optional<Expr> volatileDefault = Optional.empty();
        for (ColumnConstraint constraint : column.constraints()) {
          switch (constraint) {
            case ColumnConstraint.Default d when Volatility.isVolatile(d.value()) -> {
              why = Optional.of("the volatile default " + d.value().sql().strip());
              volatileDefault = Optional.of(d.value());
            }
            case ColumnConstraint.Generated g ->
                why = Optional.of("the stored generated expression " + g.expression().sql().strip());
            case ColumnConstraint.Identity ignored -> why = Optional.of("an identity");
            default -> { }
          }
        }
        if (why.isEmpty() && column.type().kind().autoIncrement()) {
          why = Optional.of("the serial type " + SchemaText.type(column.type()));
        }
        if (why.isEmpty()) {
          return;
        }
        String t = Sites.sql(table);
        String c = Sites.sql(column.name());
        String type = SchemaText.type(column.type());
        String message = "ADD COLUMN " + c + " with " + why.get() + " rewrites every row of " + t
            + " while it is locked against reads and writes";
        String alternative = "ALTER TABLE " + t + " ADD COLUMN " + c + " " + type + ";\n"
            + volatileDefault.map(d -> "ALTER TABLE " + t + " ALTER COLUMN " + c
                + " SET DEFAULT " + d.sql().strip() + ";\n").orElse("")
            + "-- then backfill the existing rows in batches: UPDATE " + t + " SET " + c
            + " = ... WHERE " + c + " IS NULL AND <batch>;";
        out.add(Sites.finding(context, Rule.ADD_COLUMN_REWRITE, Sites.of(context, column.name()),
                message,
                Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, true, false)))
            .withAlternative(alternative));
      });

  /**
   * {@code ALTER COLUMN c TYPE t} that PostgreSQL cannot do in place ({@link ColumnTypes}):
   * rewrites the table and its indexes.
   */
  static final StatementRule TYPE_CHANGE = context -> actions(context, (table, action, out) -> {
    if (!(action instanceof AlterAction.AlterColumnType change)) {
      return;
    }
    String column = ObjectName.fold(change.column());
    Optional<Column> existing = columnIn(context, table, column, false);
    if (existing.isEmpty()
        || !ColumnTypes.rewrites(existing.get().type(), change.type(), change.using().isPresent())) {
      return;
    }
    String t = Sites.sql(table);
    String c = ObjectName.quoted(column);
    String from = SchemaText.type(existing.get().type());
    String to = SchemaText.type(change.type());
    String fresh = ObjectName.quoted(column + "_new");
    String message = "changing " + t + "." + c + " from " + from + " to " + to
        + " rewrites " + t + " and its indexes while it is locked against reads and writes";
    String alternative = "ALTER TABLE " + t + " ADD COLUMN " + fresh + " " + to + ";\n"
        + "-- write both columns (a trigger or the application), backfill " + fresh
        + " in batches, then swap:\nALTER TABLE " + t + " RENAME COLUMN " + c + " TO "
        + ObjectName.quoted(column + "_old") + ";\nALTER TABLE " + t + " RENAME COLUMN " + fresh
        + " TO " + c + ";";
    out.add(Sites.finding(context, Rule.TYPE_CHANGE_REWRITE, Sites.of(context, change.column()),
            message,
            Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, true, false)))
        .withAlternative(alternative));
  });

  /**
   * Whether a valid {@code CHECK (column IS NOT NULL)} on {@code table} stands before the
   * statement: then PostgreSQL 12+ sets NOT NULL without scanning (the manual's ALTER TABLE, "SET
   * NOT NULL"), the last steps of this rule's own alternative.
   */
  private static boolean provedNotNull(StatementContext context, ObjectName table, String column) {
    Pattern notNull = Pattern.compile("\\(*\\s*(\"" + Pattern.quote(column) + "\"|"
        + Pattern.quote(column) + ")\\s+IS\\s+NOT\\s+NULL\\s*\\)*",
        Pattern.CASE_INSENSITIVE);
    return context.before().table(table).stream()
        .flatMap(t -> t.constraints().stream())
        .anyMatch(c -> c instanceof Constraint.Check check && !check.notValid()
            && notNull.matcher(check.condition().sql().strip()).matches());
  }

  /** One action of an {@code ALTER TABLE} of an existing table. */
  @FunctionalInterface
  interface ActionCheck {
    void check(ObjectName table, AlterAction action, List<Finding> out);
  }

  /** {@code check} on each action of the statement, when it alters a table that existed before. */
  static List<Finding> actions(StatementContext context, ActionCheck check) {
    if (!(context.statement().operation() instanceof Operation.AlterTable alter)) {
      return List.of();
    }
    ObjectName table = ObjectName.of(alter.table());
    if (!context.existedBefore(table)) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (AlterAction action : alter.actions()) {
      check.check(table, action, out);
    }
    return out;
  }

  /**
   * The column as the statement sees it; with {@code existing}, only a column that existed before
   * the revision (one it created is exempt).
   */
  static Optional<Column> columnIn(StatementContext context, ObjectName table, String column,
      boolean existing) {
    Optional<Column> now = context.before().table(table).flatMap(t -> t.column(column));
    if (existing && context.revisionStart().table(table).flatMap(t -> t.column(column)).isEmpty()) {
      return Optional.empty();
    }
    return now;
  }
}
