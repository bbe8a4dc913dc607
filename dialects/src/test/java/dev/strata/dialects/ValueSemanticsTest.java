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
 * Expressions whose meaning PostgreSQL decides by type or by its own rules, run by the real
 * clients: integer division, {@code date + integer} and {@code date - date}, {@code greatest()}
 * and {@code least()} with a NULL, a cast of 3.9 to an integer, {@code octet_length()} and {@code
 * string_agg()}, and an {@code INSERT ... SELECT ... FROM t ON CONFLICT} (which SQLite cannot
 * parse without a {@code WHERE}). Each dialect leaves in r the rows PostgreSQL leaves (checked against PostgreSQL
 * itself too), where jOOQ's translation alone left 3.5000, 20260132, NULL, 3 and a broken
 * statement.
 */
class ValueSemanticsTest {
  private static final String REVISION = """
      -- revision: 0001_t
      -- revises: base
      -- message: t

      -- +upgrade
      CREATE TABLE t (id BIGINT PRIMARY KEY, a INTEGER, b INTEGER, d DATE, e DATE,
          s VARCHAR(20), x NUMERIC(10, 2), big BIGINT);
      INSERT INTO t (id, a, b, d, e, s, x, big) VALUES
          (1, 7, 2, '2026-01-31', '2026-03-01', 'ab', 3.9, 9007199254740993),
          (2, NULL, 3, '2026-02-28', NULL, 'é', -2.5, 5);
      CREATE TABLE r (k VARCHAR(40) PRIMARY KEY, v VARCHAR(100));
      INSERT INTO r (k, v) SELECT 'div', CAST(a / b AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'div2', CAST((a + 1) / -3 AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'dateplus', CAST(d + 1 AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'dateplus2', CAST(30 + d AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'dateminus', CAST(d - (a + 1) AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'datediff', CAST(e - d AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'literal', CAST(DATE '2026-03-01' - 1 AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'greatest', CAST(greatest(a, b) AS VARCHAR(100)) FROM t WHERE id = 2;
      INSERT INTO r (k, v) SELECT 'least', CAST(least(a, b, 10) AS VARCHAR(100)) FROM t WHERE id = 2;
      INSERT INTO r (k, v) SELECT 'castint', CAST(CAST(x AS INTEGER) AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'castint2', CAST(CAST(x AS INTEGER) AS VARCHAR(100)) FROM t WHERE id = 2;
      INSERT INTO r (k, v) SELECT 'castbig', CAST(CAST(big AS BIGINT) AS VARCHAR(100)) FROM t WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'octets', CAST(octet_length(s) AS VARCHAR(100)) FROM t WHERE id = 2;
      INSERT INTO r (k, v) SELECT 'agg', string_agg(s, ',') FROM t;
      %s      UPDATE t SET d = d + 2, e = e - 1 WHERE id = 1;
      INSERT INTO r (k, v) SELECT 'update', CAST(d AS VARCHAR(100)) || ' ' || CAST(e AS VARCHAR(100)) FROM t WHERE id = 1;
      -- +downgrade
      DROP TABLE r;
      DROP TABLE t;
      """;

  /** An upsert after a query that ends with its FROM (MySQL and MariaDB refuse ON CONFLICT). */
  private static final String UPSERT = """
      INSERT INTO r (k, v) SELECT 'upsert', CAST(count(*) AS VARCHAR(100)) FROM t
          ON CONFLICT (k) DO NOTHING;
      INSERT INTO r (k, v) SELECT 'upsert', CAST(count(*) + 1 AS VARCHAR(100)) FROM t
          ON CONFLICT (k) DO UPDATE SET v = excluded.v;
      """;

  /** What PostgreSQL leaves in r. */
  private static final List<String> POSTGRESQL = List.of(
      "agg|ab,é", "castbig|9007199254740993", "castint|4", "castint2|-3", "datediff|29",
      "dateminus|2026-01-23", "dateplus|2026-02-01", "dateplus2|2026-03-02", "div|3", "div2|-2",
      "greatest|3", "least|3", "literal|2026-02-28", "octets|2", "update|2026-02-02 2026-02-28",
      "upsert|3");

  /** The rows, in the order of their keys. */
  private static final String ROWS = "SELECT k, v FROM r ORDER BY k";

  @TempDir Path dir;

  @Test
  void postgresqlLeavesTheExpectedRows() throws Exception {
    Chain chain = new Chain(dir.resolve("postgresql"), REVISION.formatted(UPSERT));
    try (TestDatabase database = TestDatabase.create("postgresql", "values_pg")) {
      ClientRun run = database.apply(chain.script(Dialect.POSTGRESQL, Direction.UPGRADE,
          "base:head", GoldenCases.OPTIONS));
      assertEquals(0, run.exitCode(), run.stderr());
      assertEquals(POSTGRESQL, database.query(ROWS));
    }
  }

  @Test
  void mariadbLeavesThePostgresqlRows() throws Exception {
    MysqlChain chain =
        new MysqlChain(dir.resolve("mariadb"), Dialect.MARIADB, REVISION.formatted(""));
    try (TestDatabase database = TestDatabase.create("mariadb", "mysqlh_values")) {
      MysqlChain.apply(database, chain.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(POSTGRESQL.subList(0, POSTGRESQL.size() - 1), database.query(ROWS));
    }
  }

  @Test
  void sqliteLeavesThePostgresqlRows() throws Exception {
    Chain chain = new Chain(dir.resolve("sqlite"), REVISION.formatted(UPSERT));
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_values")) {
      ClientRun run = Sqlite3.apply(database, chain.script(Dialect.SQLITE, Direction.UPGRADE,
          "base:head", GoldenCases.OPTIONS));
      assertEquals("", run.stdout() + run.stderr());
      assertEquals(POSTGRESQL, Sqlite3.query(database, ROWS));
    }
  }
}
