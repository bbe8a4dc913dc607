package dev.strata.dialects;

import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.View;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What in a schema model reads a table (whether a text names a column is {@link
 * dev.strata.compiler.schema.NameMentions}), for the statements that change them: SQLite's table
 * rebuild and in-place {@code DROP COLUMN} ({@link SqliteRebuild}, {@link
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
}
