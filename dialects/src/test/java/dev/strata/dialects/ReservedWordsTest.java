package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * Names PostgreSQL takes unquoted that MySQL, MariaDB or SQLite reserve ({@link ReservedWords}): a
 * table {@code out}, columns {@code key}, {@code range}, {@code read}, {@code usage}, {@code
 * transaction}, indexes {@code index} and {@code match}, a constraint {@code key}, a view {@code
 * mod}, made, filled, changed (a column added, renamed, retyped through SQLite's rebuild, dropped)
 * and undone by each real client, leaving PostgreSQL's rows; and functions named like reserved
 * words ({@code left()}, {@code rank()}) stay calls.
 */
class ReservedWordsTest {
  private static final String CREATE = """
      -- revision: 0001_out
      -- revises: base
      -- +upgrade
      CREATE TABLE out (id BIGINT PRIMARY KEY, key VARCHAR(20) NOT NULL, rank INTEGER DEFAULT 0,
          range INTEGER, read BOOLEAN DEFAULT false, usage INTEGER, lines INTEGER,
          condition VARCHAR(10), "order" INTEGER, transaction INTEGER, escape VARCHAR(5));
      CREATE UNIQUE INDEX out_key ON out (key);
      CREATE INDEX index ON out (range, read);
      CREATE TABLE release (id BIGINT PRIMARY KEY, out_id BIGINT REFERENCES out (id),
          signal INTEGER, CONSTRAINT key CHECK (signal > 0));
      INSERT INTO out (id, key, rank, range, read) VALUES (1, 'a', 2, 5, true), (2, 'b', 1, 7, false);
      INSERT INTO release (id, out_id, signal) VALUES (1, 1, 3);
      UPDATE out SET rank = rank + 1, usage = range * 2, lines = length(key), transaction = 2,
          escape = 'x' WHERE key = 'b' AND NOT read;
      UPDATE out SET condition = CASE WHEN read THEN 'r' ELSE 'u' END;
      CREATE VIEW mod AS SELECT o.key, o.range AS div, left(o.key, 1) AS l,
          rank() OVER (ORDER BY o.rank) AS r FROM out AS o JOIN release AS r2 ON r2.out_id = o.id
          WHERE o.read;
      -- +downgrade
      DROP VIEW mod;
      DROP TABLE release;
      DROP TABLE out;
      """;

  private static final String CHANGE = """
      -- revision: 0002_change
      -- revises: 0001_out
      -- +upgrade
      ALTER TABLE out ADD COLUMN interval INTEGER DEFAULT 5;
      ALTER TABLE out RENAME COLUMN usage TO use;
      ALTER TABLE out ALTER COLUMN lines TYPE BIGINT;
      ALTER TABLE out DROP COLUMN condition;
      CREATE INDEX match ON release (signal);
      -- +downgrade
      DROP INDEX match;
      ALTER TABLE out ADD COLUMN condition VARCHAR(10);
      ALTER TABLE out ALTER COLUMN lines TYPE INTEGER;
      ALTER TABLE out RENAME COLUMN use TO usage;
      ALTER TABLE out DROP COLUMN interval;
      """;

  /** The rows of out, booleans and NULLs written alike in every client. */
  private static final String ROWS = "SELECT id, key, rank, range, CASE WHEN read THEN 't' ELSE"
      + " 'f' END, coalesce(use, -1), lines, transaction, coalesce(escape, '-'), interval FROM out"
      + " ORDER BY id";

  /** The view's row. */
  private static final String VIEW = "SELECT key, div, l, r FROM mod";

  /** What PostgreSQL leaves. */
  private static final List<String> EXPECTED = List.of("1|a|2|5|t|-1|null|null|-|5",
      "2|b|2|7|f|14|1|2|x|5");

  @TempDir Path dir;

  @Test
  void postgresqlTakesTheNamesUnquoted() throws Exception {
    Chain chain = new Chain(dir.resolve("pg"), CREATE, CHANGE);
    try (TestDatabase database = TestDatabase.create("postgresql", "reserved_pg")) {
      applied(database, chain.script(Dialect.POSTGRESQL, Direction.UPGRADE, "base:head",
          GoldenCases.OPTIONS));
      assertEquals(EXPECTED, database.query(ROWS));
      assertEquals(List.of("a|5|a|1"), database.query(VIEW));
      applied(database, chain.script(Dialect.POSTGRESQL, Direction.DOWNGRADE, "head:base",
          GoldenCases.OPTIONS));
    }
  }

  @Test
  void mariadbRunsThemQuoted() throws Exception {
    MysqlChain chain = new MysqlChain(dir.resolve("maria"), Dialect.MARIADB, CREATE, CHANGE);
    try (TestDatabase database = TestDatabase.create("mariadb", "reserved_maria")) {
      String script = java.nio.file.Files.readString(chain.upgrade("base:head",
          GoldenCases.OPTIONS));
      assertTrue(script.contains("CREATE INDEX `index` ON `out`(`range`, `read`)"), script);
      // left() and rank() stay calls: a quoted name would call a stored function
      assertTrue(script.contains("left(o.`key`, 1)") && script.contains("rank() OVER"), script);
      MysqlChain.apply(database, chain.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(EXPECTED, database.query("SELECT id, `key`, rank, `range`, CASE WHEN `read`"
          + " THEN 't' ELSE 'f' END, coalesce(`use`, -1), `lines`, transaction,"
          + " coalesce(escape, '-'), `interval` FROM `out` ORDER BY id"));
      assertEquals(List.of("a|5|a|1"), database.query("SELECT `key`, `div`, l, r FROM `mod`"));
      MysqlChain.apply(database, chain.downgrade("head:base", GoldenCases.OPTIONS));
    }
  }

  @Test
  void sqliteRunsThemQuoted() throws Exception {
    Chain chain = new Chain(dir.resolve("sqlite"), CREATE, CHANGE);
    try (SqliteDatabase database = SqliteDatabase.create("reserved_sqlite")) {
      Path upgrade = chain.script(Dialect.SQLITE, Direction.UPGRADE, "base:head",
          GoldenCases.OPTIONS);
      String script = java.nio.file.Files.readString(upgrade);
      assertTrue(script.contains("CREATE INDEX `index` ON out(range, read)"), script);
      assertFalse(script.contains("`cast`"), script);
      Sqlite3.apply(database, upgrade);
      assertEquals(EXPECTED.stream().map(row -> row.replace("null", "")).toList(),
          Sqlite3.query(database, "SELECT id, key, rank, range, CASE WHEN read THEN 't' ELSE 'f'"
              + " END, coalesce(use, -1), lines, \"transaction\", coalesce(\"escape\", '-'), interval"
              + " FROM out ORDER BY id"));
      assertEquals(List.of("a|5|a|1"), Sqlite3.query(database, VIEW));
      Sqlite3.apply(database, chain.script(Dialect.SQLITE, Direction.DOWNGRADE, "head:base",
          GoldenCases.OPTIONS));
    }
  }

  private static void applied(TestDatabase database, Path script) {
    ClientRun run = database.apply(script);
    assertEquals(0, run.exitCode(), run.describe());
  }
}
