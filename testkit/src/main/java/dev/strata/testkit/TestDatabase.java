package dev.strata.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One fresh, empty database for one test, in one dialect, so that a database test is written once
 * and run for every dialect: scripts go through the dialect's real client ({@code psql}, {@code
 * mariadb}, {@code sqlite3}), which stops at the first error; the schema comes back as a
 * normalised text dump that is stable between runs; the version table's rows come back as text.
 *
 * <p>{@link #create} finds the server for a dialect as {@link PostgresServer} and {@link
 * MariaDbServer} say (skipped locally, failed under {@code CI=true} when there is none); {@link
 * #close} drops the database (or deletes the SQLite file).
 */
public sealed interface TestDatabase extends AutoCloseable
    permits PostgresDatabase, MariaDbDatabase, SqliteDatabase {

  /**
   * A fresh database for the strata dialect id {@code dialect} ({@code postgresql}, {@code mysql},
   * {@code mariadb}, {@code sqlite}), named after {@code prefix} (letters, digits, underscores;
   * prefix it with the test's owner so that parallel runs do not collide). {@code mysql} runs
   * against {@link MariaDbServer#requireMysql()}: MySQL where it can be found, else the MariaDB
   * server. Throws {@link IllegalArgumentException} for an unknown dialect id.
   */
  static TestDatabase create(String dialect, String prefix) {
    return switch (dialect) {
      case "postgresql" -> PostgresServer.require().database(prefix);
      case "mysql" -> MariaDbServer.requireMysql().database("mysql", prefix);
      case "mariadb" -> MariaDbServer.require().database("mariadb", prefix);
      case "sqlite" -> SqliteDatabase.create(prefix);
      default -> throw new IllegalArgumentException("no test database for dialect '" + dialect
          + "' (postgresql, mysql, mariadb, sqlite)");
    };
  }

  /** The strata dialect id this database was made for. */
  String dialect();

  /** The database's name on its server, or the SQLite file's absolute path. */
  String name();

  /**
   * A JDBC URL for this database with its credentials, the form {@code strata status --db} takes:
   * {@code jdbc:postgresql://H:P/DB?user=U&password=P}, {@code jdbc:mariadb://H:P/DB?user=U&password=P}
   * or {@code jdbc:sqlite:/ABSOLUTE/PATH}.
   */
  String jdbcUrl();

  /**
   * Applies {@code script} with the dialect's real client as a DBA would, stopping at the first
   * error: {@code psql -X -v ON_ERROR_STOP=1 -f SCRIPT}, {@code mariadb --batch DB < SCRIPT},
   * {@code sqlite3 -bail FILE < SCRIPT}. Never throws for a failing script: the run says it.
   */
  ClientRun apply(Path script);

  /** {@link #apply(Path)} of {@code script} written to a temporary file. */
  default ClientRun applyText(String script) {
    return apply(Processes.tempScript(script));
  }

  /**
   * The command line that applies a script given on standard input (or, for {@code psql}, with a
   * {@code -f FILE} added) to this database, with {@link #clientEnvironment()}; what {@link
   * #apply} runs.
   */
  List<String> clientCommand();

  /** The environment {@link #clientCommand()} needs (a password variable), maybe empty. */
  Map<String, String> clientEnvironment();

  /**
   * Executes one SQL statement over JDBC. Throws {@link IllegalStateException} with the database's
   * message when it fails.
   */
  void execute(String sql);

  /**
   * The rows of a query over JDBC, each row's columns as text (SQL NULL as {@code null}) joined by
   * {@code |}, in the order the database gives. Throws {@link IllegalStateException} on failure.
   */
  List<String> query(String sql);

  /**
   * A text dump of the schema, stable between runs and independent of creation order: {@code
   * pg_dump --schema-only}; {@code SHOW CREATE TABLE}/{@code VIEW} of every table and view in name
   * order, without {@code AUTO_INCREMENT=N} counters and view definers; {@code sqlite3 .schema}
   * with its statements sorted.
   */
  default String schema() {
    return schema(Set.of());
  }

  /** {@link #schema()} without the tables (and views) named in {@code excludedTables}. */
  String schema(Set<String> excludedTables);

  /**
   * The rows of the version table {@code table} (as named in SQL, maybe schema-qualified on
   * PostgreSQL), sorted, each row's columns joined by {@code |}.
   */
  default List<String> versionRows(String table) {
    List<String> rows = new java.util.ArrayList<>(query("SELECT * FROM " + table));
    rows.sort(null);
    return rows;
  }

  /** Drops the database (deletes the SQLite file); never throws for a database already gone. */
  @Override
  void close();
}
