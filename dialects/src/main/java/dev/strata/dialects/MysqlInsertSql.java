package dev.strata.dialects;

import org.jooq.Name;

/**
 * {@code INSERT ... ON DUPLICATE KEY UPDATE t.c = t.c}, the MySQL and MariaDB form of PostgreSQL's
 * {@code ON CONFLICT DO NOTHING}: a row that conflicts with a unique key leaves the existing row as
 * it is (the assignment changes nothing) and is not inserted. Hand-written because jOOQ renders
 * {@code onConflictDoNothing()} as {@code INSERT IGNORE}, which also turns other errors into
 * warnings (a NULL into a {@code NOT NULL} column becomes the type's zero, an out-of-range value is
 * clipped): not what the revision says.
 */
final class MysqlInsertSql {
  private MysqlInsertSql() {}

  /**
   * {@code insert} (rendered without a conflict clause) that skips duplicate keys; the column is
   * qualified by its table, which an {@code INSERT ... SELECT} needs.
   */
  static String doNothing(SqlContext sql, String insert, Name table, Name column) {
    String name = sql.render(table) + "." + sql.render(column);
    return insert + " ON DUPLICATE KEY UPDATE " + name + " = " + name;
  }
}
