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
 * check, a query, an {@code UPDATE} (whose {@code n} is its table's enum column, though another
 * table's {@code n} is text), a view's filter and a window's {@code ORDER BY}, run by the
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
      INSERT INTO r (k, v) SELECT 'notbetween', CAST(count(*) AS VARCHAR(5)) || ':'
          || CAST(sum(id) AS VARCHAR(5)) FROM t WHERE m NOT BETWEEN 'sad' AND 'ok';
      INSERT INTO r (k, v) SELECT 'columns', CAST(count(*) AS VARCHAR(5)) || ':'
          || CAST(sum(id) AS VARCHAR(5)) FROM t WHERE m > n;
      INSERT INTO r (k, v) SELECT 'cast', CAST(count(*) AS VARCHAR(5)) || ':'
          || CAST(sum(id) AS VARCHAR(5)) FROM t WHERE m > 'angry'::mood;
      INSERT INTO r (k, v) SELECT 'low', CAST(count(*) AS VARCHAR(5)) || ':'
          || CAST(sum(id) AS VARCHAR(5)) FROM low;
      INSERT INTO r (k, v) SELECT 'rank' || CAST(id AS VARCHAR(5)), CAST(rn AS VARCHAR(5))
          FROM ordered;
      CREATE TABLE other (id BIGINT PRIMARY KEY, n TEXT);
      UPDATE t SET n = 'happy' WHERE n >= 'ok';
      INSERT INTO r (k, v) SELECT 'update', CAST(count(*) AS VARCHAR(5)) || ':'
          || CAST(sum(id) AS VARCHAR(5)) FROM t WHERE n = 'happy';

      -- +downgrade
      DROP TABLE other;
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
      "notbetween|1:3", "rank1|3", "rank2|2", "rank3|4", "rank4|1", "update|2:5");

  private static final String ROWS = "SELECT k, v FROM r ORDER BY k";

  @TempDir Path dir;

  @Test
  void postgresqlLeavesTheExpectedRows() throws Exception {
    assertEquals(POSTGRESQL, ClientRows.postgresql(dir.resolve("postgresql"), "enum_order_pg",
        ROWS, REVISION.formatted(INDEX)));
  }

  @Test
  void mariadbLeavesThePostgresqlRows() throws Exception {
    assertEquals(POSTGRESQL.stream().filter(row -> !row.startsWith("index|")).toList(),
        ClientRows.mariadb(dir.resolve("mariadb"), "mysqlh_enum_order", ROWS,
            REVISION.formatted("")));
  }

  @Test
  void sqliteLeavesThePostgresqlRows() throws Exception {
    Path script = ClientRows.sqliteScript(dir.resolve("sqlite"), REVISION.formatted(INDEX));
    assertTrue(Files.readString(script).contains("CREATE INDEX ix_t_low ON t(id) WHERE CASE m"
        + " WHEN 'angry' THEN 1 WHEN 'sad' THEN 2 WHEN 'ok' THEN 3 WHEN 'happy' THEN 4 END < 3"),
        Files.readString(script));
    assertEquals(POSTGRESQL, ClientRows.sqlite(script, "sqlite_enum_order", ROWS));
  }

  /**
   * A label added later moves the positions written into a MySQL/MariaDB check or view (a label
   * before others), and is missing from SQLite's CASE in a view (any label): refused (E0448,
   * E0450). Added at the end in MySQL/MariaDB, or with SQLite's check (which the rebuild writes
   * again), it runs: the new label before 'sad' passes the check {@code m <= 'ok'} in SQLite.
   */
  @Test
  void aNewLabelThatWouldLeaveWrittenPositionsStaleIsRefused() throws Exception {
    String first = """
        -- revision: 0001_mood
        -- revises: base
        -- message: mood

        -- +upgrade
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE TABLE t (id BIGINT PRIMARY KEY, m mood, CONSTRAINT at_most_ok CHECK (m <= 'ok'));
        INSERT INTO t (id, m) VALUES (1, 'sad');
        """;
    String before = "ALTER TYPE mood ADD VALUE 'meh' BEFORE 'sad';\n";
    String view = "CREATE VIEW low AS SELECT id FROM t WHERE m < 'happy';\n";
    String append = "ALTER TYPE mood ADD VALUE 'glad';\n";
    int n = 0;
    for (List<String> c : List.of(
        List.of("mariadb", before, "error[E0448]: ALTER TYPE ... ADD VALUE cannot be rendered for"
            + " mariadb: check at_most_ok of table t orders the values of mood"),
        List.of("mysql", view + before, "error[E0448]: ALTER TYPE ... ADD VALUE cannot be"
            + " rendered for mysql: check at_most_ok of table t orders"),
        List.of("sqlite", view + append, "error[E0450]: ALTER TYPE ... ADD VALUE cannot be"
            + " rendered for sqlite: view low orders the values of mood by their labels"),
        List.of("sqlite", view + "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';\n",
            "error[E0450]: ALTER TYPE ... RENAME VALUE cannot be rendered for sqlite: view low"
                + " orders the values of mood by their labels"),
        List.of("mariadb", "ALTER TABLE t DROP CONSTRAINT at_most_ok;\n"
            + "ALTER TABLE t ADD COLUMN low BOOLEAN GENERATED ALWAYS AS (m < 'ok') STORED;\n"
            + before, "error[E0448]: ALTER TYPE ... ADD VALUE cannot be rendered for mariadb:"
            + " generated column low of table t orders the values of mood"))) {
      Chain chain = new Chain(dir.resolve("moved" + (++n)), first, """
          -- revision: 0002_label
          -- revises: 0001_mood
          -- message: label

          -- +upgrade
          """ + c.get(1));
      DiagnosticException e = assertThrows(DiagnosticException.class, () -> chain.render(
          Dialect.valueOf(c.get(0).toUpperCase(java.util.Locale.ROOT)), Direction.UPGRADE,
          "base:head", GoldenCases.OPTIONS), c.toString());
      String text = e.diagnostics().getFirst().format();
      assertTrue(text.contains(c.get(2)), text);
    }
    MysqlChain appended = new MysqlChain(dir.resolve("appended"), Dialect.MARIADB, first, """
        -- revision: 0002_label
        -- revises: 0001_mood
        -- message: label

        -- +upgrade
        """ + view + append + "INSERT INTO t (id, m) VALUES (2, 'ok');\n");
    try (TestDatabase database = TestDatabase.create("mariadb", "mysqlh_enum_moved")) {
      MysqlChain.apply(database, appended.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(List.of("1", "2"), database.query("SELECT id FROM low ORDER BY id"));
    }
    Chain rebuilt = new Chain(dir.resolve("rebuilt"), first, """
        -- revision: 0002_label
        -- revises: 0001_mood
        -- message: label

        -- +upgrade
        """ + before + "INSERT INTO t (id, m) VALUES (2, 'meh');\n");
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_enum_moved")) {
      ClientRun run = Sqlite3.apply(database, rebuilt.script(Dialect.SQLITE, Direction.UPGRADE,
          "base:head", GoldenCases.OPTIONS));
      assertEquals("", run.stdout() + run.stderr());
      assertEquals(List.of("1|sad", "2|meh"), Sqlite3.query(database,
          "SELECT id, m FROM t ORDER BY id"));
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
        String text = refused("refused" + (++n), dialect, query);
        assertTrue(text.contains("error[E0434]: ") && text.contains("enum")
            && text.contains("PostgreSQL orders mood's values by its labels"), text);
      }
    }
    // a column that is an enum in one table and text in another, named in a query with a
    // subquery (whose names may be its own tables'): which is meant is not known;
    // an ORDER BY of an enum after UNION (SQLite), an ORDER BY position (MySQL's NULLS LAST)
    for (List<String> c : List.of(
        List.of("mariadb", "CREATE TABLE other (id BIGINT PRIMARY KEY, m TEXT);\n"
            + "SELECT id FROM t WHERE m < 'ok' AND id IN (SELECT id FROM other);",
            "an ordering comparison of m has no translation"),
        List.of("sqlite", "CREATE TABLE other (id BIGINT PRIMARY KEY, m TEXT);\n"
            + "SELECT id FROM t WHERE id IN (SELECT id FROM other) ORDER BY m;",
            "ORDER BY of m has no translation"),
        List.of("sqlite", "SELECT id, m FROM t UNION SELECT id, m FROM t ORDER BY m;",
            "ORDER BY of an enum after UNION, INTERSECT or EXCEPT has no translation"),
        List.of("mariadb", "SELECT id, m FROM t ORDER BY 2;",
            "ORDER BY a position has no translation"))) {
      String text = refused("refused" + (++n),
          Dialect.valueOf(c.get(0).toUpperCase(java.util.Locale.ROOT)), c.get(1));
      assertTrue(text.contains("error[E0434]: " + c.get(2)), text);
    }
  }

  /**
   * The first diagnostic of rendering for {@code dialect} a chain of the type {@code mood}
   * ('sad', 'ok'), a table t (id, m mood), and {@code statements}, which must be refused.
   */
  private String refused(String name, Dialect dialect, String statements) throws Exception {
    Chain chain = new Chain(dir.resolve(name), """
        -- revision: 0001_mood
        -- revises: base
        -- message: mood

        -- +upgrade
        CREATE TYPE mood AS ENUM ('sad', 'ok');
        CREATE TABLE t (id BIGINT PRIMARY KEY, m mood);
        """ + statements + "\n");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> chain.render(
        dialect, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS), statements);
    return e.diagnostics().getFirst().format();
  }
}
