package dev.strata.dialects;

import org.jooq.Name;

/**
 * MySQL and MariaDB statements on views, sequences and indexes written by hand, each because jOOQ
 * 3.20 renders it wrong for these dialects:
 *
 * <ul>
 *   <li>{@code RENAME TABLE v TO w} for a view (and a MariaDB sequence, which is a table): jOOQ
 *       renders {@code alterView(v).renameTo(w)} as {@code ALTER VIEW v RENAME TO w}, which
 *       neither server has;
 *   <li>the online-DDL clauses {@code ALGORITHM = INPLACE LOCK = NONE}, the counterpart of
 *       PostgreSQL's {@code CONCURRENTLY}: the server builds or drops the index while writes go on,
 *       and refuses the statement, rather than block writes, when it cannot (jOOQ has no such
 *       clauses). After {@code CREATE INDEX}; a drop is {@code ALTER TABLE t DROP INDEX i,
 *       ALGORITHM = INPLACE, LOCK = NONE}, since MariaDB's {@code DROP INDEX} takes neither clause
 *       (MySQL's takes both).
 * </ul>
 */
final class MysqlObjectSql {
  /** What {@code CONCURRENTLY} becomes, after the index statement. */
  static final String ONLINE = " ALGORITHM = INPLACE LOCK = NONE";

  private MysqlObjectSql() {}

  static String renameTable(SqlContext sql, Name from, Name to) {
    return "RENAME TABLE " + sql.render(from) + " TO " + sql.render(to);
  }

  /** {@code statement} (a rendered {@code CREATE INDEX}) built online. */
  static String online(String statement) {
    return statement + ONLINE;
  }

  /** {@code ALTER TABLE t DROP INDEX i, ALGORITHM = INPLACE, LOCK = NONE}. */
  static String dropIndexOnline(SqlContext sql, Name table, Name index) {
    return "ALTER TABLE " + sql.render(table) + " DROP INDEX " + sql.render(index)
        + ", ALGORITHM = INPLACE, LOCK = NONE";
  }
}
