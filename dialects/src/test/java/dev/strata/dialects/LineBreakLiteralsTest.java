package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.SqliteDatabase;
import dev.strata.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An escape string with a line break ({@code E'l1\nl2'}) becomes, in MariaDB and SQLite, a literal
 * that holds the line break; jOOQ's formatted {@code CREATE TABLE} indented the line after it, in
 * the literal, so the default and the check held four spaces more than PostgreSQL's. The table
 * is now written on one line ({@link Expressions#multiline}); run with the real clients, the
 * default is the five characters PostgreSQL stores and the check refuses PostgreSQL's value.
 */
class LineBreakLiteralsTest {
  private static final String REVISION =
      "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
          + "CREATE TABLE t (id INTEGER PRIMARY KEY, b VARCHAR(40) DEFAULT E'l1\\nl2',\n"
          + "    CONSTRAINT ck CHECK (b <> E'x\\ny'));\n"
          + "INSERT INTO t (id) VALUES (1);\n"
          + "-- +downgrade\nDROP TABLE t;\n";

  @TempDir Path dir;

  @Test
  void mariadbKeepsTheLiteralsAsPostgresqlHasThem() throws Exception {
    MysqlChain chain = new MysqlChain(dir.resolve("mariadb"), Dialect.MARIADB, REVISION);
    try (TestDatabase database = TestDatabase.create("mariadb", "mysqlh_linebreak")) {
      MysqlChain.apply(database, chain.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(List.of("5|1"), database.query(
          "SELECT char_length(b), b = CONCAT('l1', CHAR(10), 'l2') FROM t"));
      ClientRun refused = database.apply(MysqlChain.sql(dir,
          "INSERT INTO t (id, b) VALUES (2, CONCAT('x', CHAR(10), 'y'));"));
      assertNotEquals(0, refused.exitCode(), refused.describe());
    }
  }

  @Test
  void sqliteKeepsTheLiteralsAsPostgresqlHasThem() throws Exception {
    Chain chain = new Chain(dir.resolve("sqlite"), REVISION);
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_linebreak")) {
      ClientRun run = Sqlite3.apply(database, chain.script(Dialect.SQLITE, Direction.UPGRADE,
          "base:head", GoldenCases.OPTIONS));
      assertEquals("", run.stdout() + run.stderr());
      assertEquals(List.of("5|1"), Sqlite3.query(database,
          "SELECT length(b), b = 'l1' || char(10) || 'l2' FROM t"));
      ClientRun refused = Sqlite3.run(database,
          "INSERT INTO t (id, b) VALUES (2, 'x' || char(10) || 'y');");
      assertEquals(true, refused.stderr().contains("CHECK constraint failed"),
          refused.describe());
    }
  }
}
