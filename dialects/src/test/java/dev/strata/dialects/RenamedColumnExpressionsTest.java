package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * {@code RENAME COLUMN a TO qty} and then a new column {@code a}: PostgreSQL's generated column,
 * check and index expressions follow the renamed column. MariaDB's {@code MODIFY COLUMN} and
 * SQLite's rebuild restate them from the schema model, which must name qty (it named a: the
 * generated column was computed from the new a, the check tested it, and the downgrade failed).
 * Upgraded and downgraded with the real clients.
 */
class RenamedColumnExpressionsTest {
  private static final String BASE = """
      -- revision: 0001_a
      -- revises: base
      -- message: a

      -- +upgrade
      CREATE TABLE t (
        id BIGINT PRIMARY KEY,
        a INTEGER NOT NULL CHECK (a > 0),
        b INTEGER GENERATED ALWAYS AS (a * 2) STORED,
        z INTEGER
      );
      INSERT INTO t (id, a) VALUES (1, 1), (2, 5);
      -- +downgrade
      DROP TABLE t;
      """;

  private static final String RENAME = """
      -- revision: 0002_b
      -- revises: 0001_a
      -- message: b

      -- +upgrade
      ALTER TABLE t RENAME COLUMN a TO qty;
      ALTER TABLE t ADD COLUMN a INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE t ALTER COLUMN b TYPE BIGINT;
      ALTER TABLE t ALTER COLUMN z SET DEFAULT 3;
      -- +downgrade
      ALTER TABLE t ALTER COLUMN z DROP DEFAULT;
      ALTER TABLE t ALTER COLUMN b TYPE INTEGER;
      ALTER TABLE t DROP COLUMN a;
      ALTER TABLE t RENAME COLUMN qty TO a;
      """;

  /** Rows as PostgreSQL leaves them: b is twice qty, the new a is 0. */
  private static final List<String> AFTER = List.of("1|1|2|0", "2|5|10|0");

  @TempDir Path dir;

  @Test
  void mariadbRestatesTheGeneratedColumnWithTheNewName() throws Exception {
    MysqlChain chain = new MysqlChain(dir.resolve("mariadb"), Dialect.MARIADB, BASE, RENAME);
    try (TestDatabase database = TestDatabase.create("mariadb", "mysqlh_renamed")) {
      MysqlChain.apply(database, chain.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(AFTER, database.query("SELECT id, qty, b, a FROM t ORDER BY id"));
      database.applyText("UPDATE t SET qty = 50 WHERE id = 1;");
      assertEquals(List.of("100"), database.query("SELECT b FROM t WHERE id = 1"));
      MysqlChain.apply(database, chain.downgrade("head:0001_a", GoldenCases.OPTIONS));
      assertEquals(List.of("1|50|100", "2|5|10"),
          database.query("SELECT id, a, b FROM t ORDER BY id"));
    }
  }

  @Test
  void sqliteRebuildsWithTheNewNameInEveryExpression() throws Exception {
    Chain chain = new Chain(dir.resolve("sqlite"), BASE, RENAME);
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_renamed")) {
      ClientRun up = Sqlite3.apply(database, chain.script(Dialect.SQLITE, Direction.UPGRADE,
          "base:head", GoldenCases.OPTIONS));
      assertEquals("", up.stdout() + up.stderr());
      assertEquals(AFTER, Sqlite3.query(database, "SELECT id, qty, b, a FROM t ORDER BY id"));
      // the check tests qty, as PostgreSQL's does: the new a may be negative, qty may not
      ClientRun refused = Sqlite3.run(database, "UPDATE t SET qty = -1 WHERE id = 1;");
      assertTrue(refused.stderr().contains("CHECK constraint failed"), refused.describe());
      ClientRun taken = Sqlite3.run(database, "UPDATE t SET a = -7 WHERE id = 1;");
      assertEquals("", taken.stdout() + taken.stderr());
      ClientRun down = Sqlite3.apply(database, chain.script(Dialect.SQLITE, Direction.DOWNGRADE,
          "head:0001_a", GoldenCases.OPTIONS));
      assertEquals("", down.stdout() + down.stderr());
      assertEquals(List.of("1|1|2", "2|5|10"),
          Sqlite3.query(database, "SELECT id, a, b FROM t ORDER BY id"));
    }
  }
}
