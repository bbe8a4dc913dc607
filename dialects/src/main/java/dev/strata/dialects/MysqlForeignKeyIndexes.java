package dev.strata.dialects;

import dev.strata.compiler.schema.Constraint;
import dev.strata.compiler.schema.Index;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.compiler.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Name;

/**
 * The foreign keys that lean on an index in MySQL and MariaDB. InnoDB needs an index whose leading
 * columns are a foreign key's columns: {@code CREATE TABLE} makes one named after the constraint
 * when none is declared, and drops it silently when a later {@code CREATE INDEX} can serve
 * instead; dropping that index is then refused ({@code ERROR 1553: Cannot drop index ...: needed in
 * a foreign key constraint}). So a {@code DROP INDEX} of the only index that serves a foreign key
 * of its table (as the schema model shows it) restores the index InnoDB made in the first place, in
 * the same statement: {@code ALTER TABLE t ADD INDEX fk (cols), DROP INDEX i}, which leaves the
 * table as it was before the index was created.
 */
final class MysqlForeignKeyIndexes {
  private MysqlForeignKeyIndexes() {}

  /** The foreign keys of {@code index}'s table that no other index or key would serve. */
  static List<Constraint.ForeignKey> leaningOn(Index index, SchemaModel model) {
    Optional<Table> table = model.table(index.table());
    if (table.isEmpty()) {
      return List.of();
    }
    List<String> keys = columns(index);
    List<List<String>> others = new ArrayList<>();
    model.indexes().values().stream()
        .filter(i -> i.table().equals(index.table()) && !i.name().equals(index.name()))
        .forEach(i -> others.add(columns(i)));
    for (Constraint c : table.get().constraints()) {
      if (c instanceof Constraint.PrimaryKey || c instanceof Constraint.Unique) {
        others.add(c.columns().stream().map(MysqlForeignKeyIndexes::fold).toList());
      }
    }
    List<Constraint.ForeignKey> out = new ArrayList<>();
    for (Constraint c : table.get().constraints()) {
      if (c instanceof Constraint.ForeignKey fk) {
        List<String> columns = fk.columns().stream().map(MysqlForeignKeyIndexes::fold).toList();
        if (leads(keys, columns) && others.stream().noneMatch(o -> leads(o, columns))) {
          out.add(fk);
        }
      }
    }
    return out;
  }

  /**
   * {@code ALTER TABLE t ADD INDEX fk (cols), ..., DROP INDEX i}, with {@code ALGORITHM = INPLACE,
   * LOCK = NONE} for a {@code DROP INDEX CONCURRENTLY} ({@code online}): jOOQ has no {@code ADD INDEX}
   * action of {@code ALTER TABLE}, and the two must be one statement (between two, the foreign key
   * would have no index).
   */
  static String dropKeeping(SqlContext sql, Name table, Name index,
      List<Constraint.ForeignKey> foreignKeys, boolean online) {
    String adds = foreignKeys.stream()
        .map(fk -> "ADD INDEX " + sql.render(VersionTable.plainName(fk.name())) + " ("
            + fk.columns().stream().map(c -> sql.render(VersionTable.plainName(c)))
                .collect(Collectors.joining(", ")) + "), ")
        .collect(Collectors.joining());
    return "ALTER TABLE " + sql.render(table) + " " + adds + "DROP INDEX " + sql.render(index)
        + (online ? ", ALGORITHM = INPLACE, LOCK = NONE" : "");
  }

  /** The index's plain column keys, folded, up to its first expression key. */
  private static List<String> columns(Index index) {
    List<String> out = new ArrayList<>();
    for (var key : index.keys()) {
      if (key.column().isEmpty()) {
        break;
      }
      out.add(ObjectName.fold(key.column().get()));
    }
    return out;
  }

  private static boolean leads(List<String> keys, List<String> columns) {
    return !columns.isEmpty() && keys.size() >= columns.size()
        && keys.subList(0, columns.size()).equals(columns);
  }

  private static String fold(String column) {
    return column;
  }
}
