package dev.strata.dialects;

import org.jooq.Name;

/**
 * The MySQL and MariaDB {@code ALTER TABLE} forms written by hand, each because jOOQ 3.20 renders
 * it wrong or not at all for these dialects (checked against its output; {@code
 * MysqlStatementsTest} pins each):
 *
 * <ul>
 *   <li>{@code MODIFY COLUMN <definition>}: jOOQ's {@code alter(column).set(type)} renders {@code
 *       CHANGE COLUMN c c <type>} without the column's {@code DEFAULT} and {@code COMMENT}, which
 *       the server then drops, and {@code setNotNull()} alone a {@code CHANGE COLUMN c c other NOT
 *       NULL} with no real type;
 *   <li>{@code ALTER COLUMN c DROP DEFAULT}: jOOQ renders {@code dropDefault()} as {@code SET
 *       DEFAULT NULL} (jOOQ issue 18299), which gives a {@code NOT NULL} column an impossible
 *       default instead of none;
 *   <li>{@code DROP CHECK name}: jOOQ has no form for MySQL's way to drop a check;
 *   <li>{@code ADD COLUMN IF NOT EXISTS <definition>} (MariaDB), with the definition of {@code
 *       MODIFY COLUMN};
 *   <li>{@code AUTO_INCREMENT = n}, the table option that sets where an {@code AUTO_INCREMENT}
 *       column's numbering goes on (jOOQ has no table options);
 *   <li>{@code ADD INDEX fk (columns), DROP INDEX i} in one statement, for an index that is the
 *       only one a foreign key can use ({@link MysqlTables#servedOnlyBy}): jOOQ writes one action
 *       per {@code ALTER TABLE}, and the server refuses the drop alone.
 * </ul>
 *
 * Names are rendered by jOOQ; {@code definition} is a column definition as {@link
 * MysqlColumns#definition} writes it.
 */
final class MysqlAlterSql {
  private MysqlAlterSql() {}

  static String modifyColumn(SqlContext sql, Name table, String definition) {
    return modifyColumns(sql, table, java.util.List.of(definition));
  }

  /** One {@code MODIFY COLUMN} per definition, in one statement. */
  static String modifyColumns(SqlContext sql, Name table, java.util.List<String> definitions) {
    return prefix(sql, table) + " " + String.join(", ", definitions.stream()
        .map(d -> "MODIFY COLUMN " + d).toList());
  }

  static String dropDefault(SqlContext sql, Name table, Name column) {
    return prefix(sql, table) + " ALTER COLUMN " + sql.render(column) + " DROP DEFAULT";
  }

  static String dropCheck(SqlContext sql, Name table, Name check) {
    return prefix(sql, table) + " DROP CHECK " + sql.render(check);
  }

  static String addColumnIfNotExists(SqlContext sql, Name table, String definition) {
    return prefix(sql, table) + " ADD COLUMN IF NOT EXISTS " + definition;
  }

  static String autoIncrement(SqlContext sql, Name table, long next) {
    return prefix(sql, table) + " AUTO_INCREMENT = " + next;
  }

  /**
   * {@code ALTER TABLE t ADD INDEX fk (a), ..., DROP INDEX i}, the new indexes named after the
   * foreign keys they serve; with {@code online}, {@code , ALGORITHM = INPLACE, LOCK = NONE}.
   */
  static String replaceIndex(SqlContext sql, Name table,
      java.util.List<dev.strata.compiler.schema.Constraint.ForeignKey> keys, Name index,
      boolean online) {
    StringBuilder out = new StringBuilder(prefix(sql, table));
    for (var key : keys) {
      out.append(" ADD INDEX ").append(sql.render(MysqlTables.name(key.name()))).append(" (")
          .append(String.join(", ", key.columns().stream()
              .map(c -> sql.render(MysqlTables.name(c))).toList()))
          .append("),");
    }
    out.append(" DROP INDEX ").append(sql.render(index));
    return out + (online ? ", ALGORITHM = INPLACE, LOCK = NONE" : "");
  }

  /**
   * {@code statement} (an {@code ALTER TABLE} as rendered) with {@code , ALGORITHM = COPY}: the
   * server copies the table row by row, evaluating an added column's default for each row, as
   * PostgreSQL's rewrite does, instead of storing one value for every existing row.
   */
  static String withCopy(String statement) {
    return statement + ", ALGORITHM = COPY";
  }

  private static String prefix(SqlContext sql, Name table) {
    return "ALTER TABLE " + sql.render(table);
  }
}
