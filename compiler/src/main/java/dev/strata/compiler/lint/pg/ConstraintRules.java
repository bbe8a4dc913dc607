package dev.strata.compiler.lint.pg;

import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LockLevel;
import dev.strata.compiler.lint.Rule;
import dev.strata.compiler.lint.StatementContext;
import dev.strata.compiler.lint.StatementRule;
import dev.strata.compiler.lint.TableLock;
import dev.strata.compiler.schema.Column;
import dev.strata.compiler.schema.ImplicitNames;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaText;
import dev.strata.grammar.Span;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.Identifier;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code constraint-without-not-valid} (Squawk's {@code adding-foreign-key-constraint} and {@code
 * constraint-missing-not-valid}, strong_migrations' "Adding a foreign key" and "Adding a check
 * constraint") and {@code add-unique-constraint} (Squawk's {@code disallowed-unique-constraint} and
 * {@code adding-serial-primary-key-field}): constraints added by {@code ALTER TABLE ... ADD} to a
 * table that existed before the revision.
 */
final class ConstraintRules {
  private ConstraintRules() {}

  /**
   * A {@code FOREIGN KEY} or {@code CHECK} added without {@code NOT VALID}: every row is checked
   * while the table is locked (a foreign key also locks the referenced table, SHARE ROW
   * EXCLUSIVE). The alternative adds it {@code NOT VALID} and validates it in a later transaction.
   */
  static final StatementRule NOT_VALID = context -> {
    if (!(context.statement().operation() instanceof Operation.AlterTable alter)) {
      return List.of();
    }
    ObjectName table = ObjectName.of(alter.table());
    if (!context.existedBefore(table)) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (AlterAction action : alter.actions()) {
      if (action instanceof AlterAction.AddColumn column) {
        out.addAll(columnNotValid(context, table, column.column()));
        continue;
      }
      if (!(action instanceof AlterAction.AddConstraint add)) {
        continue;
      }
      switch (add.constraint()) {
        case TableConstraint.ForeignKey fk when !fk.notValid() -> {
          ObjectName target = ObjectName.of(fk.table());
          String name = name(context, table, fk.name(), fk.columns(), "fkey");
          String message = "foreign key " + name + " on " + Sites.sql(table) + " references "
              + Sites.sql(target) + ": adding it checks every row of " + Sites.sql(table)
              + " while both tables are locked against writes";
          List<TableLock> locks = new ArrayList<>(
              Sites.lock(table, LockLevel.SHARE_ROW_EXCLUSIVE, false, true));
          if (!target.equals(table)) {
            locks.addAll(Sites.lock(target, LockLevel.SHARE_ROW_EXCLUSIVE, false, false));
          }
          out.add(Sites.finding(context, Rule.CONSTRAINT_NOT_VALID,
                  span(context, fk.name(), fk.columns(), alter), message,
                  Sites.locks(context, locks))
              .withAlternative(notValid(context, alter, table, name)));
        }
        case TableConstraint.Check check when !check.notValid() -> {
          String name = name(context, table, check.name(), List.of(), "check");
          String message = "CHECK constraint " + name + " on " + Sites.sql(table)
              + " checks every row while the table is locked against reads and writes";
          out.add(Sites.finding(context, Rule.CONSTRAINT_NOT_VALID,
                  span(context, check.name(), List.of(), alter), message,
                  Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, false, true)))
              .withAlternative(notValid(context, alter, table, name)));
        }
        default -> { }
      }
    }
    return out;
  };

  /**
   * A {@code UNIQUE} or {@code PRIMARY KEY} constraint added without {@code USING INDEX}: its
   * index is built under an ACCESS EXCLUSIVE lock. The alternative builds the index concurrently
   * first and attaches it.
   */
  static final StatementRule UNIQUE = context -> {
    if (!(context.statement().operation() instanceof Operation.AlterTable alter)) {
      return List.of();
    }
    ObjectName table = ObjectName.of(alter.table());
    if (!context.existedBefore(table)) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (AlterAction action : alter.actions()) {
      if (action instanceof AlterAction.AddColumn column) {
        out.addAll(columnUnique(context, table, column.column()));
        continue;
      }
      if (!(action instanceof AlterAction.AddConstraint add)) {
        continue;
      }
      Optional<Identifier> given;
      List<Identifier> columns;
      String kind;
      switch (add.constraint()) {
        case TableConstraint.Unique unique -> {
          given = unique.name();
          columns = unique.columns();
          kind = "UNIQUE";
        }
        case TableConstraint.PrimaryKey key -> {
          given = key.name();
          columns = key.columns();
          kind = "PRIMARY KEY";
        }
        default -> {
          continue;
        }
      }
      String name = given.map(Sites::sql).orElseGet(() -> kind.equals("UNIQUE")
          ? ImplicitNames.make(table.name(), ImplicitNames.columns(folded(columns)), "key")
          : ImplicitNames.make(table.name(), null, "pkey"));
      String list = columns.stream().map(Sites::sql).collect(Collectors.joining(", "));
      String message = kind + " constraint " + name + " on " + Sites.sql(table) + " (" + list
          + ") builds its index while the table is locked against reads and writes";
      String alternative = "CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + Sites.sql(table)
          + " (" + list + ");\nALTER TABLE " + Sites.sql(table) + " ADD CONSTRAINT " + name + " "
          + kind + " USING INDEX " + name + ";";
      out.add(Sites.finding(context, Rule.ADD_UNIQUE_CONSTRAINT,
              span(context, given, columns, alter), message,
              Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, false, true)))
          .withAlternative(alternative));
    }
    return out;
  };

  /**
   * {@code ADD COLUMN c ... REFERENCES p} or {@code ... CHECK (...)}: the constraint is validated
   * against every row as the column is added; the alternative adds the column bare, then the
   * constraint {@code NOT VALID}.
   */
  private static List<Finding> columnNotValid(StatementContext context, ObjectName table,
      ColumnDef column) {
    List<Finding> out = new ArrayList<>();
    String c = ObjectName.fold(column.name());
    for (ColumnConstraint constraint : column.constraints()) {
      String name;
      String definition;
      String message;
      Optional<Identifier> given;
      switch (constraint) {
        case ColumnConstraint.References ref -> {
          given = ref.name();
          name = given.map(Sites::sql).orElseGet(() -> ImplicitNames.make(table.name(), c, "fkey"));
          ObjectName target = ObjectName.of(ref.table());
          definition = "FOREIGN KEY (" + ObjectName.quoted(c) + ") REFERENCES "
              + Sites.sql(target) + ref.column().map(k -> " (" + Sites.sql(k) + ")").orElse("");
          message = "foreign key " + name + " of the new column " + ObjectName.quoted(c)
              + " references " + Sites.sql(target) + ": adding it checks every row of "
              + Sites.sql(table) + " while both tables are locked against writes";
        }
        case ColumnConstraint.Check check -> {
          given = check.name();
          name = given.map(Sites::sql).orElseGet(() -> ImplicitNames.make(table.name(), c, "check"));
          definition = "CHECK (" + check.condition().sql().strip() + ")";
          message = "CHECK constraint " + name + " of the new column " + ObjectName.quoted(c)
              + " checks every row of " + Sites.sql(table)
              + " while it is locked against reads and writes";
        }
        default -> {
          continue;
        }
      }
      String t = Sites.sql(table);
      String alternative = "ALTER TABLE " + t + " ADD COLUMN " + bare(context, table, column)
          + ";\nALTER TABLE " + t + " ADD CONSTRAINT " + name + " " + definition
          + " NOT VALID;\n-- then, in a later transaction:\nALTER TABLE " + t
          + " VALIDATE CONSTRAINT " + name + ";";
      out.add(Sites.finding(context, Rule.CONSTRAINT_NOT_VALID,
              Sites.of(context, given.orElse(column.name())), message,
              Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, false, true)))
          .withAlternative(alternative));
    }
    return out;
  }

  /**
   * {@code ADD COLUMN c ... UNIQUE} or {@code ... PRIMARY KEY}: the index is built under the
   * ACCESS EXCLUSIVE lock of the {@code ALTER TABLE}.
   */
  private static List<Finding> columnUnique(StatementContext context, ObjectName table,
      ColumnDef column) {
    List<Finding> out = new ArrayList<>();
    String c = ObjectName.fold(column.name());
    for (ColumnConstraint constraint : column.constraints()) {
      Optional<Identifier> given;
      String kind;
      switch (constraint) {
        case ColumnConstraint.Unique unique -> {
          given = unique.name();
          kind = "UNIQUE";
        }
        case ColumnConstraint.PrimaryKey key -> {
          given = key.name();
          kind = "PRIMARY KEY";
        }
        default -> {
          continue;
        }
      }
      String name = given.map(Sites::sql).orElseGet(() -> kind.equals("UNIQUE")
          ? ImplicitNames.make(table.name(), c, "key")
          : ImplicitNames.make(table.name(), null, "pkey"));
      String t = Sites.sql(table);
      String col = ObjectName.quoted(c);
      String message = kind + " constraint " + name + " of the new column " + col + " builds its"
          + " index on " + t + " while it is locked against reads and writes";
      String alternative = "ALTER TABLE " + t + " ADD COLUMN " + bare(context, table, column)
          + ";\nCREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + t + " (" + col + ");\n"
          + "ALTER TABLE " + t + " ADD CONSTRAINT " + name + " " + kind + " USING INDEX " + name
          + ";";
      out.add(Sites.finding(context, Rule.ADD_UNIQUE_CONSTRAINT,
              Sites.of(context, given.orElse(column.name())), message,
              Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, false, true)))
          .withAlternative(alternative));
    }
    return out;
  }

  /** The new column's name and type, with its default and NOT NULL when it has them. */
  private static String bare(StatementContext context, ObjectName table, ColumnDef column) {
    String c = ObjectName.fold(column.name());
    Optional<Column> added = context.after().table(table).flatMap(t -> t.column(c));
    String type = SchemaText.type(column.type());
    return ObjectName.quoted(c) + " " + type + added.flatMap(Column::defaultValue)
        .map(d -> " DEFAULT " + d.sql().strip()).orElse("")
        + (added.map(Column::notNull).orElse(false) && added.get().defaultValue().isPresent()
            ? " NOT NULL" : "");
  }

  private static List<String> folded(List<Identifier> columns) {
    return columns.stream().map(ObjectName::fold).toList();
  }

  /** The constraint's name as written, else the one PostgreSQL gives it. */
  private static String name(StatementContext context, ObjectName table, Optional<Identifier> given,
      List<Identifier> columns, String label) {
    if (given.isPresent()) {
      return Sites.sql(given.get());
    }
    String first = columns.isEmpty() ? null : ObjectName.fold(columns.getFirst());
    return ImplicitNames.make(table.name(), first, label);
  }

  /** The caret: the constraint's name, else its first column, else the table. */
  private static Span span(StatementContext context, Optional<Identifier> name,
      List<Identifier> columns, Operation.AlterTable alter) {
    if (name.isPresent()) {
      return Sites.of(context, name.get());
    }
    return columns.isEmpty() ? Sites.of(context, alter.table())
        : Sites.of(context, columns.getFirst());
  }

  /**
   * The statement with {@code NOT VALID} (when the constraint is its last action; else the
   * constraint alone, as the model has it), then the validation in a later transaction.
   */
  private static String notValid(StatementContext context, Operation.AlterTable alter,
      ObjectName table, String name) {
    String statement = context.statement().text().strip();
    String raw = name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
        : name;
    Optional<String> definition = context.after().table(table).flatMap(t -> t.constraint(raw))
        .map(SchemaText::constraint);
    boolean last = alter.actions().getLast() instanceof AlterAction.AddConstraint add
        && add.constraint().name().map(Sites::sql).orElse(name).equals(name);
    String add = last ? Sites.oneLine(statement + " NOT VALID")
        : definition.map(d -> "ALTER TABLE " + Sites.sql(table) + " ADD CONSTRAINT " + name + " "
            + d + " NOT VALID;").orElse("-- add " + name + " with NOT VALID;");
    return add + "\n-- then, in a later transaction:\nALTER TABLE "
        + Sites.sql(table) + " VALIDATE CONSTRAINT " + name + ";";
  }
}
