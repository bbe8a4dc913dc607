package dev.strata.dialects;

import java.util.List;
import java.util.stream.Collectors;
import org.jooq.Name;

/**
 * Table statements jOOQ 3.20 cannot build: {@code CREATE TABLE ... PARTITION OF} (no partitioning
 * in jOOQ), {@code CREATE TABLE ... AS query} with the query as written (jOOQ's {@code as(Select)}
 * would need the query rebuilt), {@code DROP TABLE a, b} (jOOQ drops one table per statement, and
 * two statements are not the same when the tables reference each other), and the {@code ALTER
 * TABLE} actions it has no form for ({@code VALIDATE CONSTRAINT}, {@code ALTER CONSTRAINT ...
 * DEFERRABLE}, {@code ATTACH}/{@code DETACH PARTITION}). Names are rendered by jOOQ.
 */
final class TableFormSql {
  private TableFormSql() {}

  /**
   * {@code CREATE [UNLOGGED] TABLE [IF NOT EXISTS] t PARTITION OF parent [(constraints)] bound
   * [tail]}; {@code constraints} are rendered, {@code tail} is the {@code PARTITION BY} and {@code
   * WITH} clauses (possibly empty).
   */
  static String createPartition(SqlContext sql, Name table, boolean ifNotExists, boolean unlogged,
      Name parent, List<String> constraints, String bound, String tail) {
    return create(sql, table, ifNotExists, unlogged)
        + " PARTITION OF "
        + sql.render(parent)
        + (constraints.isEmpty()
            ? ""
            : constraints.stream().collect(Collectors.joining(",\n    ", " (\n    ", "\n)")))
        + " "
        + bound
        + (tail.isEmpty() ? "" : " " + tail);
  }

  /**
   * {@code CREATE [UNLOGGED] TABLE [IF NOT EXISTS] t [WITH (...)] AS query [WITH NO DATA]};
   * {@code with} is the rendered {@code WITH (...)} or empty.
   */
  static String createTableAs(SqlContext sql, Name table, boolean ifNotExists, boolean unlogged,
      String with, String query, boolean withData) {
    return create(sql, table, ifNotExists, unlogged)
        + (with.isEmpty() ? "" : " " + with)
        + " AS "
        + query
        + (withData ? "" : " WITH NO DATA");
  }

  /** {@code DROP TABLE [IF EXISTS] a, b [CASCADE]} */
  static String dropTables(SqlContext sql, List<Name> tables, boolean ifExists, boolean cascade) {
    return "DROP TABLE "
        + (ifExists ? "IF EXISTS " : "")
        + tables.stream().map(sql::render).collect(Collectors.joining(", "))
        + (cascade ? " CASCADE" : "");
  }

  /** {@code ALTER TABLE [IF EXISTS] t action}, {@code action} already rendered. */
  static String alterTable(SqlContext sql, Name table, boolean ifExists, String action) {
    return "ALTER TABLE " + (ifExists ? "IF EXISTS " : "") + sql.render(table) + " " + action;
  }

  /** {@code ALTER INDEX [IF EXISTS] [schema.]index RENAME TO name}: jOOQ drops the schema. */
  static String renameIndex(SqlContext sql, Name index, boolean ifExists, Name newName) {
    return "ALTER INDEX "
        + (ifExists ? "IF EXISTS " : "")
        + sql.render(index)
        + " RENAME TO "
        + sql.render(newName);
  }

  private static String create(SqlContext sql, Name table, boolean ifNotExists, boolean unlogged) {
    return "CREATE " + (unlogged ? "UNLOGGED " : "") + "TABLE "
        + (ifNotExists ? "IF NOT EXISTS " : "") + sql.render(table);
  }
}
