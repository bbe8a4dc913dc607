package dev.strata.compiler.lint.pg;

import dev.strata.compiler.lint.Finding;
import dev.strata.compiler.lint.LockLevel;
import dev.strata.compiler.lint.Rule;
import dev.strata.compiler.lint.StatementRule;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.Table;
import dev.strata.grammar.ast.AlterAction;
import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules about the data and the running application, on every dialect: {@code rename} (Squawk's
 * {@code renaming-column} and {@code renaming-table}), {@code drop-data} (strong_migrations'
 * "Removing a column", Squawk's {@code ban-drop-column} and {@code ban-drop-table}) and {@code
 * update-or-delete-without-where}. Tables and columns created in the same revision are exempt:
 * no application uses them yet, and they hold no data but the revision's own.
 */
final class DataRules {
  private DataRules() {}

  /** {@code RENAME COLUMN} of an existing column, {@code RENAME TO} of an existing table. */
  static final StatementRule RENAME = context -> ColumnRules.actions(context,
      (table, action, out) -> {
        String t = Sites.sql(table);
        switch (action) {
          case AlterAction.RenameColumn rename -> {
            String from = ObjectName.fold(rename.from());
            if (ColumnRules.columnIn(context, table, from, true).isEmpty()) {
              return;
            }
            String c = ObjectName.quoted(from);
            String to = Sites.sql(rename.to());
            out.add(Sites.finding(context, Rule.RENAME, Sites.of(context, rename.from()),
                    "renaming " + t + "." + c + " to " + to + " breaks the running application,"
                        + " which still reads and writes " + c,
                    Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, false,
                        false)))
                .withAlternative("-- expand and contract:\nALTER TABLE " + t + " ADD COLUMN " + to
                    + " ...;\n-- write both, backfill " + to + ", move the readers to it, then:\n"
                    + "ALTER TABLE " + t + " DROP COLUMN " + c + ";"));
          }
          case AlterAction.RenameTable rename -> {
            String to = Sites.sql(rename.newName());
            Operation.AlterTable alter = (Operation.AlterTable) context.statement().operation();
            out.add(Sites.finding(context, Rule.RENAME, Sites.of(context, alter.table()),
                    "renaming table " + t + " to " + to + " breaks the running application,"
                        + " which still uses " + t,
                    Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, false,
                        false)))
                .withAlternative("ALTER TABLE " + t + " RENAME TO " + to + ";\nCREATE VIEW " + t
                    + " AS SELECT * FROM " + ObjectName.in(table, rename.newName()).display()
                    + ";\n-- drop the view once no application uses " + t));
          }
          default -> { }
        }
      });

  /** {@code DROP TABLE} of an existing table, {@code DROP COLUMN} of an existing column. */
  static final StatementRule DROP_DATA = context -> switch (context.statement().operation()) {
    case Operation.DropTable drop -> {
      List<Finding> out = new ArrayList<>();
      for (QualifiedName name : drop.tables()) {
        ObjectName table = ObjectName.of(name);
        Optional<Table> existing = context.revisionStart().table(table);
        if (existing.isEmpty()) {
          continue;
        }
        int columns = context.before().table(table).orElse(existing.get()).columns().size();
        out.add(Sites.finding(context, Rule.DROP_DATA, Sites.of(context, name),
            "DROP TABLE " + Sites.sql(table) + " loses every row of its " + columns + " column"
                + (columns == 1 ? "" : "s") + ": review it",
            Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, false, false))));
      }
      yield out;
    }
    case Operation.AlterTable ignored -> ColumnRules.actions(context, (table, action, out) -> {
      if (action instanceof AlterAction.DropColumn drop) {
        String column = ObjectName.fold(drop.column());
        if (ColumnRules.columnIn(context, table, column, true).isEmpty()) {
          return;
        }
        out.add(Sites.finding(context, Rule.DROP_DATA, Sites.of(context, drop.column()),
            "DROP COLUMN " + ObjectName.quoted(column) + " loses that column of every row of "
                + Sites.sql(table) + ": review it",
            Sites.locks(context, Sites.lock(table, LockLevel.ACCESS_EXCLUSIVE, false, false))));
      }
    });
    default -> List.of();
  };

  /** {@code UPDATE} or {@code DELETE} without {@code WHERE} on a table that existed before. */
  static final StatementRule WITHOUT_WHERE = context -> {
    QualifiedName name;
    String verb;
    switch (context.statement().operation()) {
      case Operation.Update update when update.where().isEmpty() -> {
        name = update.table();
        verb = "UPDATE";
      }
      case Operation.Delete delete when delete.where().isEmpty() -> {
        name = delete.table();
        verb = "DELETE";
      }
      default -> {
        return List.of();
      }
    }
    ObjectName table = ObjectName.of(name);
    if (!context.existedBefore(table)) {
      return List.of();
    }
    return List.of(Sites.finding(context, Rule.UPDATE_DELETE_WITHOUT_WHERE, Sites.of(context, name),
        verb + " without WHERE " + (verb.equals("UPDATE") ? "changes" : "deletes") + " every row of "
            + Sites.sql(table) + " in one statement",
        Sites.locks(context, Sites.lock(table, LockLevel.ROW_EXCLUSIVE, false, true))));
  };
}
