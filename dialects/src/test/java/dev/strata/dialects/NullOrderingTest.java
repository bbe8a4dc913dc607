package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.SqliteDatabase;
import dev.strata.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL sorts NULL last ascending and first descending; MariaDB and SQLite the other way
 * round. A data migration that picks a row by {@code ORDER BY ... LIMIT 1} picked another row
 * there; the order is now said explicitly ({@code NULLS LAST}, {@code NULLS FIRST}, which jOOQ
 * writes for each). Run with the real clients: the rows PostgreSQL picks.
 */
class NullOrderingTest {
  private static final String REVISION =
      "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
          + "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER);\n"
          + "INSERT INTO t (id, n) VALUES (1, NULL), (2, 5), (3, 7);\n"
          + "CREATE TABLE r (k VARCHAR(20) PRIMARY KEY, v INTEGER);\n"
          + "INSERT INTO r (k, v) SELECT 'ascending', id FROM t ORDER BY n LIMIT 1;\n"
          + "INSERT INTO r (k, v) SELECT 'descending', id FROM t ORDER BY n DESC LIMIT 1;\n"
          + "INSERT INTO r (k, v) SELECT 'explicit', id FROM t ORDER BY n NULLS FIRST LIMIT 1;\n"
          + "-- +downgrade\nDROP TABLE r;\nDROP TABLE t;\n";

  /** What PostgreSQL leaves in r. */
  private static final List<String> POSTGRESQL =
      List.of("ascending|2", "descending|1", "explicit|1");

  @TempDir Path dir;

  @Test
  void mariadbPicksThePostgresqlRows() throws Exception {
    MysqlChain chain = new MysqlChain(dir.resolve("mariadb"), Dialect.MARIADB, REVISION);
    try (TestDatabase database = TestDatabase.create("mariadb", "mysqlh_nulls")) {
      MysqlChain.apply(database, chain.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(POSTGRESQL, database.query("SELECT k, v FROM r ORDER BY k"));
    }
  }

  @Test
  void sqlitePicksThePostgresqlRows() throws Exception {
    Chain chain = new Chain(dir.resolve("sqlite"), REVISION);
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_nulls")) {
      ClientRun run = Sqlite3.apply(database, chain.script(Dialect.SQLITE, Direction.UPGRADE,
          "base:head", GoldenCases.OPTIONS));
      assertEquals("", run.stdout() + run.stderr());
      assertEquals(POSTGRESQL, Sqlite3.query(database, "SELECT k, v FROM r ORDER BY k"));
    }
  }
}
