package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.SqliteDatabase;
import dev.strata.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A division or modulo by zero stops PostgreSQL's statement ({@code ERROR: division by zero}), and
 * with it the script; SQLite gave NULL and went on, writing NULL over the data: now it stops too.
 * MariaDB stops as PostgreSQL does under the {@code sql_mode} strata sets ({@code
 * ERROR_FOR_DIVISION_BY_ZERO}: error 1365). A division that does not reach the zero ({@code CASE
 * WHEN b <> 0}) runs in all three, and a literal divisor is written without a guard.
 */
class DivisionByZeroTest {
  private static final String SETUP = """
      -- revision: 0001_d
      -- revises: base
      -- +upgrade
      CREATE TABLE d (id BIGINT PRIMARY KEY, a INTEGER, b INTEGER, x NUMERIC(10, 2));
      INSERT INTO d (id, a, b, x) VALUES (1, 7, 0, 2.50), (2, 9, 3, 4.00);
      CREATE TABLE r (k VARCHAR(20) PRIMARY KEY, v VARCHAR(20));
      INSERT INTO r (k, v) SELECT 'guard' || id, coalesce(CAST(CASE WHEN b <> 0 THEN a / b END
          AS VARCHAR(20)), 'none') FROM d;
      INSERT INTO r (k, v) SELECT 'mod' || id, CAST(a % 4 AS VARCHAR(20)) FROM d;
      -- +downgrade
      DROP TABLE r;
      DROP TABLE d;
      """;

  private static final String DIVIDE = """
      -- revision: 0002_divide
      -- revises: 0001_d
      -- +upgrade
      UPDATE d SET %s;
      -- +downgrade
      -- +no-op
      """;

  /** The statements that meet row 1's zero. */
  private static final List<String> BY_ZERO = List.of("a = a / b", "a = a % b", "x = x / b");

  private static final List<String> ROWS = List.of("guard1|none", "guard2|3", "mod1|3", "mod2|1");

  @TempDir Path dir;
  private int chains;

  @Test
  void postgresqlStopsAtTheZero() throws Exception {
    for (String set : BY_ZERO) {
      Chain chain = new Chain(dir.resolve("pg" + chains++), SETUP, DIVIDE.formatted(set));
      try (TestDatabase database = TestDatabase.create("postgresql", "by_zero_pg")) {
        ClientRun setup = database.apply(chain.script(Dialect.POSTGRESQL, Direction.UPGRADE,
            "base:0001_d", GoldenCases.OPTIONS));
        assertEquals(0, setup.exitCode(), setup.stderr());
        assertEquals(ROWS, database.query("SELECT k, v FROM r ORDER BY k"));
        ClientRun run = database.apply(chain.script(Dialect.POSTGRESQL, Direction.UPGRADE,
            "0001_d:0002_divide", GoldenCases.OPTIONS));
        assertNotEquals(0, run.exitCode());
        assertTrue(run.stderr().contains("ERROR:  division by zero"), set + ": " + run.stderr());
        assertEquals(List.of("1|7|2.50", "2|9|4.00"),
            database.query("SELECT id, a, x FROM d ORDER BY id"));
      }
    }
  }

  @Test
  void sqliteStopsAtTheZeroInsteadOfWritingNull() throws Exception {
    for (String set : BY_ZERO) {
      Chain chain = new Chain(dir.resolve("sqlite" + chains++), SETUP, DIVIDE.formatted(set));
      try (SqliteDatabase database = SqliteDatabase.create("by_zero")) {
        Path setup = chain.script(Dialect.SQLITE, Direction.UPGRADE, "base:0001_d",
            GoldenCases.OPTIONS);
        Sqlite3.apply(database, setup);
        assertEquals(ROWS, Sqlite3.query(database, "SELECT k, v FROM r ORDER BY k"));
        Path divide = chain.script(Dialect.SQLITE, Direction.UPGRADE, "0001_d:0002_divide",
            GoldenCases.OPTIONS);
        ClientRun run = Sqlite3.run(database, divide);
        assertNotEquals(0, run.exitCode(), set);
        assertTrue(run.stderr().contains("strata: division by zero"), set + ": " + run.stderr());
        assertEquals(List.of("1|7|2.5", "2|9|4"),
            Sqlite3.query(database, "SELECT id, a, x FROM d ORDER BY id"));
      }
    }
    // a literal divisor needs no guard
    Chain chain = new Chain(dir.resolve("literal"), SETUP, DIVIDE.formatted("a = a / 2"));
    String script = java.nio.file.Files.readString(chain.script(Dialect.SQLITE,
        Direction.UPGRADE, "0001_d:0002_divide", GoldenCases.OPTIONS));
    assertTrue(script.contains("UPDATE d SET a = (a / 2);"), script);
  }

  @Test
  void mariadbStopsAtTheZero() throws Exception {
    for (String set : BY_ZERO) {
      MysqlChain chain = new MysqlChain(dir.resolve("maria" + chains++), Dialect.MARIADB, SETUP,
          DIVIDE.formatted(set));
      try (TestDatabase database = TestDatabase.create("mariadb", "by_zero_maria")) {
        MysqlChain.apply(database, chain.upgrade("base:0001_d", GoldenCases.OPTIONS));
        assertEquals(ROWS, database.query("SELECT k, v FROM r ORDER BY k"));
        ClientRun run = database.apply(chain.upgrade("0001_d:0002_divide",
            GoldenCases.OPTIONS));
        assertNotEquals(0, run.exitCode());
        assertEquals(List.of("ERROR 1365 (22012): Division by 0"), MysqlChain.errors(run), set);
        assertEquals(List.of("1|7|2.50", "2|9|4.00"),
            database.query("SELECT id, a, x FROM d ORDER BY id"));
      }
    }
  }
}
