package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.SqliteDatabase;
import dev.strata.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order of an enum's values, which PostgreSQL takes from the type's labels ({@code angry} was
 * added before {@code sad}: angry, sad, ok, happy) and MySQL, MariaDB and SQLite would take from
 * their texts (angry, happy, ok, sad): {@code <}, {@code <=}, {@code >=}, {@code BETWEEN} with a
 * label, a label cast to the type, and another column of the type, in a {@code CREATE TABLE}'s
 * check, a query, an {@code UPDATE}, a view's filter and a window's {@code ORDER BY}, run by the
 * real clients; each dialect leaves in r the rows PostgreSQL leaves. Orders strata cannot write
 * ({@code greatest()}, {@code max()}, a text that is no label) are refused (E0434).
 */
class EnumOrderTest {
  private static final String REVISION = """
      -- revision: 0001_mood
      -- revises: base
      -- message: mood

      -- +upgrade
      CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
      ALTER TYPE mood ADD VALUE 'angry' BEFORE 'sad';
      CREATE TABLE t (id BIGINT PRIMARY KEY, m mood, n mood,
          CONSTRAINT at_most_ok CHECK (m <= 'ok'));
      CREATE TABLE r (k VARCHAR(20) PRIMARY KEY, v VARCHAR(100));
      INSERT INTO t (id, m, n) VALUES (1, 'sad', 'happy'), (2, 'ok', 'sad'), (3, 'angry', NULL),
          (4, NULL, 'ok');
      CREATE VIEW ordered AS SELECT id, row_number() OVER (ORDER BY m DESC) AS rn FROM t;
      CREATE VIEW low AS SELECT id FROM t WHERE m <= 'sad';
      %s
      INSERT INTO r (k, v) SELECT 'lt', CAST(count(*) AS VARCHAR(5)) || ':'
          || CAST(sum(id) AS VARCHAR(5)) FROM t WHERE m < 'ok';
      INSERT INTO r (k, v) SELECT 'ge', CAST(count(*) AS VARCHAR(5)) || ':'
          || CAST(sum(id) AS VARCHAR(5)) FROM t WHERE 'sad' <= m;
      INSERT INTO r (k, v) SELECT 'between', CAST(count(*) AS VARCHAR(5)) || ':'
          || CAST(sum(id) AS VARCHAR(5)) FROM t WHERE m BETWEEN 'angry' AND 'sad';
      INSERT INTO r (k, v) SELECT 'columns', CAST(count(*) AS VARCHAR(5)) || ':'
          || CAST(sum(id) AS VARCHAR(5)) FROM t WHERE m > n;
      INSERT INTO r (k, v) SELECT 'cast', CAST(count(*) AS VARCHAR(5)) || ':'
          || CAST(sum(id) AS VARCHAR(5)) FROM t WHERE m > 'angry'::mood;
      INSERT INTO r (k, v) SELECT 'low', CAST(count(*) AS VARCHAR(5)) || ':'
          || CAST(sum(id) AS VARCHAR(5)) FROM low;
      INSERT INTO r (k, v) SELECT 'rank' || CAST(id AS VARCHAR(5)), CAST(rn AS VARCHAR(5))
          FROM ordered;
      UPDATE t SET n = 'happy' WHERE n >= 'ok';
      INSERT INTO r (k, v) SELECT 'update', CAST(count(*) AS VARCHAR(5)) || ':'
          || CAST(sum(id) AS VARCHAR(5)) FROM t WHERE n = 'happy';

      -- +downgrade
      DROP VIEW low;
      DROP VIEW ordered;
      DROP TABLE r;
      DROP TABLE t;
      DROP TYPE mood;
      """;

  /** A partial index (MySQL and MariaDB have none), and what its predicate selects. */
  private static final String INDEX = """
      CREATE INDEX ix_t_low ON t (id) WHERE m < 'ok';
      INSERT INTO r (k, v) SELECT 'index', CAST(count(*) AS VARCHAR(5)) FROM t WHERE m < 'ok';
      """;

  /** What PostgreSQL leaves in r. */
  private static final List<String> POSTGRESQL = List.of(
      "between|2:4", "cast|2:3", "columns|1:2", "ge|2:3", "index|2", "low|2:4", "lt|2:4",
      "rank1|3", "rank2|2", "rank3|4", "rank4|1", "update|2:5");

  private static final String ROWS = "SELECT k, v FROM r ORDER BY k";

  @TempDir Path dir;

  @Test
  void postgresqlLeavesTheExpectedRows() throws Exception {
    Chain chain = new Chain(dir.resolve("postgresql"), REVISION.formatted(INDEX));
    try (TestDatabase database = TestDatabase.create("postgresql", "enum_order_pg")) {
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
    try (TestDatabase database = TestDatabase.create("mariadb", "mysqlh_enum_order")) {
      MysqlChain.apply(database, chain.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(POSTGRESQL.stream().filter(row -> !row.startsWith("index|")).toList(),
          database.query(ROWS));
    }
  }

  @Test
  void sqliteLeavesThePostgresqlRows() throws Exception {
    Chain chain = new Chain(dir.resolve("sqlite"), REVISION.formatted(INDEX));
    Path script = chain.script(Dialect.SQLITE, Direction.UPGRADE, "base:head",
        GoldenCases.OPTIONS);
    assertTrue(Files.readString(script).contains("CREATE INDEX ix_t_low ON t(id) WHERE CASE m"
        + " WHEN 'angry' THEN 1 WHEN 'sad' THEN 2 WHEN 'ok' THEN 3 WHEN 'happy' THEN 4 END < 3"),
        Files.readString(script));
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_enum_order")) {
      ClientRun run = Sqlite3.apply(database, script);
      assertEquals("", run.stdout() + run.stderr());
      assertEquals(POSTGRESQL, Sqlite3.query(database, ROWS));
    }
  }

  @Test
  void anOrderStrataCannotWriteIsRefused() throws Exception {
    int n = 0;
    for (String query : List.of(
        "SELECT greatest(m, 'ok') FROM t;",
        "SELECT max(m) FROM t;",
        "SELECT id FROM t WHERE m < 'glad';",
        "SELECT id FROM t WHERE m < lower('OK');")) {
      for (Dialect dialect : List.of(Dialect.MARIADB, Dialect.SQLITE)) {
        Chain chain = new Chain(dir.resolve("refused" + (++n)), """
            -- revision: 0001_mood
            -- revises: base
            -- message: mood

            -- +upgrade
            CREATE TYPE mood AS ENUM ('sad', 'ok');
            CREATE TABLE t (id BIGINT PRIMARY KEY, m mood);
            """ + query + "\n");
        DiagnosticException e = assertThrows(DiagnosticException.class, () -> chain.render(
            dialect, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS), query);
        String text = e.diagnostics().getFirst().format();
        assertTrue(text.contains("error[E0434]: ") && text.contains("enum")
            && text.contains("PostgreSQL orders mood's values by its labels"), text);
      }
    }
  }
}
