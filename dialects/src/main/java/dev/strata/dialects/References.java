package dev.strata.dialects;

import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.View;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What in a schema model reads a table or names a column, for the statements that change them:
 * SQLite's table rebuild and in-place {@code DROP COLUMN} ({@link SqliteRebuild}, {@link
 * SqliteAlter}) and MySQL's and MariaDB's checks of a renamed or retyped column under a view
 * ({@link MysqlAlterTable}, {@link MysqlStatements}).
 */
final class References {
  private References() {}

  /**
   * The views that read {@code table} in {@code model}, directly or through other views, in the
   * model's order (the order they were made), as far as their {@code reads} tell.
   */
  static List<View> readers(ObjectName table, SchemaModel model) {
    Set<ObjectName> found = new LinkedHashSet<>();
    Deque<ObjectName> read = new ArrayDeque<>(List.of(table));
    while (!read.isEmpty()) {
      // each relation's direct readers: a map access on a replay's model (SchemaModel#readersOf)
      for (View view : model.readersOf(read.removeFirst())) {
        if (!view.materialized() && found.add(view.name())) {
          read.addLast(view.name());
        }
      }
    }
    return found.isEmpty() ? List.of() : model.viewsAmong(found);
  }

  /**
   * Whether {@code sql} names {@code column} (folded) outside string literals: as a bare word,
   * compared lower-cased, or as a quoted identifier. It may name another object of that name: a
   * false hit only errs on the safe side (a rebuild of a column SQLite could drop in place, a
   * MySQL refusal of a change a view would survive).
   */
  static boolean mentions(String sql, String column) {
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        i = sql.indexOf('\'', i + 1);
        if (i < 0) {
          return false;
        }
        i++;
      } else if (c == '"') {
        StringBuilder word = new StringBuilder();
        int j = i + 1;
        while (j < sql.length()) {
          if (sql.charAt(j) == '"') {
            if (j + 1 < sql.length() && sql.charAt(j + 1) == '"') {
              word.append('"');
              j += 2;
              continue;
            }
            break;
          }
          word.append(sql.charAt(j++));
        }
        if (word.toString().equals(column)) {
          return true;
        }
        i = j + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j))
            || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
          j++;
        }
        if (sql.substring(i, j).toLowerCase(Locale.ROOT).equals(column)) {
          return true;
        }
        i = j;
      } else {
        i++;
      }
    }
    return false;
  }
}
