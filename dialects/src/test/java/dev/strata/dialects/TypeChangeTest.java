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
 * Type changes and casts whose values PostgreSQL converts, or refuses, by its own rules, run by
 * the real clients: a downgrade derived for {@code ALTER COLUMN ... TYPE TEXT}, which PostgreSQL
 * only takes back with {@code USING n::INTEGER} (it stopped with "cannot be cast automatically"),
 * a type change without {@code USING} that SQLite's table rebuild now converts as PostgreSQL does
 * (a numeric rounded into an integer, a boolean written as {@code 'true'}, a date as midnight),
 * and casts of text that PostgreSQL refuses ({@code 'abc'::integer}, a value out of range), which
 * SQLite's {@code CAST} turned into 0 and now stop the script, leaving nothing applied.
 */
class TypeChangeTest {
  private static final String CREATE = """
      -- revision: 0001_c
      -- revises: base
      -- +upgrade
      CREATE TABLE c (id BIGINT PRIMARY KEY, n INTEGER, d DATE, x NUMERIC(10, 2), f BOOLEAN);
      INSERT INTO c (id, n, d, x, f) VALUES (1, 5, '2024-01-05', 3.5, TRUE),
          (2, NULL, NULL, -2.5, FALSE);
      -- +downgrade
      DROP TABLE c;
      """;

  /** Changes whose downgrade strata derives. */
  private static final String CHANGE = """
      -- revision: 0002_change
      -- revises: 0001_c
      -- +upgrade
      ALTER TABLE c ALTER COLUMN n TYPE TEXT, ALTER COLUMN d TYPE TEXT,
          ALTER COLUMN x TYPE INTEGER;
      """;

  /** A boolean to text (MySQL and MariaDB refuse it: they would write 1 and 0). */
  private static final String BOOLEAN_TEXT = """
      -- revision: 0003_flag_text
      -- revises: 0002_change
      -- +upgrade
      ALTER TABLE c ALTER COLUMN f TYPE VARCHAR(10);
      """;

  private static final String CHANGED = "SELECT id, n, d, x FROM c ORDER BY id";
  private static final List<String> CHANGED_ROWS = List.of("1|5|2024-01-05|4", "2|null|null|-3");
  /** The rows after the derived downgrade, in a form every dialect answers alike. */
  private static final String BACK = "SELECT id FROM c WHERE (n = 5 AND d = '2024-01-05' AND x = 4"
      + " AND f = TRUE) OR (id = 2 AND n IS NULL AND d IS NULL AND x = -3 AND f = FALSE)"
      + " ORDER BY id";

  @TempDir Path dir;

  @Test
  void postgresqlTakesTheDerivedDowngradeBack() throws Exception {
    Chain chain = new Chain(dir, CREATE, CHANGE, BOOLEAN_TEXT);
    try (TestDatabase database = TestDatabase.create("postgresql", "typechange_pg")) {
      applied(database, chain.script(Dialect.POSTGRESQL, Direction.UPGRADE, "base:head",
          GoldenCases.OPTIONS));
      assertEquals(CHANGED_ROWS, database.query(CHANGED));
      assertEquals(List.of("true", "false"), database.query("SELECT f FROM c ORDER BY id"));
      applied(database, chain.script(Dialect.POSTGRESQL, Direction.DOWNGRADE, "head:0001_c",
          GoldenCases.OPTIONS));
      assertEquals(List.of("1", "2"), database.query(BACK));
    }
  }

  @Test
  void sqliteConvertsAsPostgresqlDoes() throws Exception {
    Chain chain = new Chain(dir, CREATE, CHANGE, BOOLEAN_TEXT);
    try (SqliteDatabase database = SqliteDatabase.create("typechange_sqlite")) {
      Sqlite3.apply(database, chain.script(Dialect.SQLITE, Direction.UPGRADE, "base:head",
          GoldenCases.OPTIONS));
      assertEquals(CHANGED_ROWS, database.query(CHANGED));
      assertEquals(List.of("true", "false"), database.query("SELECT f FROM c ORDER BY id"));
      assertEquals(List.of("integer"), database.query("SELECT DISTINCT typeof(x) FROM c"));
      Sqlite3.apply(database, chain.script(Dialect.SQLITE, Direction.DOWNGRADE, "head:0001_c",
          GoldenCases.OPTIONS));
      assertEquals(List.of("1", "2"), database.query(BACK));
      assertEquals(List.of("integer|integer"), database.query(
          "SELECT typeof(n), typeof(f) FROM c WHERE id = 1"));
    }
  }

  @Test
  void mariadbTakesTheDerivedDowngradeBack() throws Exception {
    MysqlChain chain = new MysqlChain(dir, Dialect.MARIADB, CREATE, CHANGE);
    try (TestDatabase database = TestDatabase.create("mariadb", "typechange_maria")) {
      MysqlChain.apply(database, chain.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(CHANGED_ROWS, database.query(CHANGED));
      MysqlChain.apply(database, chain.downgrade("head:0001_c", GoldenCases.OPTIONS));
      assertEquals(List.of("1", "2"), database.query(BACK));
    }
  }

  @Test
  void mariadbRefusesABooleanBecomingText() throws Exception {
    MysqlChain chain = new MysqlChain(dir, Dialect.MARIADB, CREATE, CHANGE, BOOLEAN_TEXT);
    dev.strata.grammar.DiagnosticException refused = org.junit.jupiter.api.Assertions.assertThrows(
        dev.strata.grammar.DiagnosticException.class,
        () -> chain.upgrade("base:head", GoldenCases.OPTIONS));
    dev.strata.grammar.Diagnostic first = refused.diagnostics().getFirst();
    assertEquals("E0449", first.code());
    assertEquals("ALTER COLUMN f TYPE of a BOOLEAN column to text cannot be rendered for mariadb:"
        + " mariadb would write 1 and 0 where PostgreSQL writes 'true' and 'false'",
        first.message());
    assertEquals(new dev.strata.grammar.Span(4, 1, 5),
        first.location().orElseThrow().span());
  }

  /**
   * A cast's text, the column it goes to, and what PostgreSQL leaves there ({@code value}) or the
   * words of its error and of SQLite's ({@code error}, {@code sqliteError}).
   */
  private record Cast(String text, String statement, String column, String value,
      String error, String sqliteError) {
    static Cast ok(String text, String statement, String column, String value) {
      return new Cast(text, statement, column, value, "", "");
    }

    static Cast fails(String text, String statement, String error, String sqliteError) {
      return new Cast(text, statement, "", "", error, sqliteError);
    }
  }

  private static final List<Cast> CASTS = List.of(
      Cast.ok(" -42 ", "UPDATE t SET n = s::integer", "n", "-42"),
      Cast.ok("+009223372036854775807", "UPDATE t SET b = s::bigint", "b",
          "9223372036854775807"),
      Cast.ok("-9223372036854775808", "UPDATE t SET b = s::bigint", "b", "-9223372036854775808"),
      Cast.ok(" -1.255e1 ", "UPDATE t SET x = s::numeric(10, 2)", "x", "-12.55"),
      Cast.ok(".5e-1", "UPDATE t SET r = s::double precision", "r", "0.05"),
      Cast.ok(" Yes ", "UPDATE t SET f = s::boolean", "CASE WHEN f THEN 'T' ELSE 'F' END", "T"),
      Cast.ok("of", "UPDATE t SET f = s::boolean", "CASE WHEN f THEN 'T' ELSE 'F' END", "F"),
      Cast.fails("abc", "UPDATE t SET n = s::integer", "invalid input syntax for type integer",
          "strata: invalid input syntax for type integer: \"abc\""),
      Cast.fails("1.5", "UPDATE t SET n = s::integer", "invalid input syntax for type integer",
          "strata: invalid input syntax for type integer: \"1.5\""),
      Cast.fails("", "UPDATE t SET n = s::integer", "invalid input syntax for type integer",
          "strata: invalid input syntax for type integer: \"\""),
      Cast.fails("12abc", "UPDATE t SET n = s::integer", "invalid input syntax for type integer",
          "strata: invalid input syntax for type integer: \"12abc\""),
      Cast.fails("99999999999", "UPDATE t SET n = s::integer", "out of range for type integer",
          "strata: value out of range for type integer: \"99999999999\""),
      Cast.fails("9223372036854775808", "UPDATE t SET b = s::bigint",
          "out of range for type bigint",
          "strata: value out of range for type bigint: \"9223372036854775808\""),
      Cast.fails("3000000000.4", "UPDATE t SET r = s::double precision; UPDATE t SET n = r::int",
          "integer out of range", "strata: value out of range for type integer"),
      Cast.fails("abc", "UPDATE t SET x = s::numeric(10, 2)",
          "invalid input syntax for type numeric",
          "strata: invalid input syntax for type numeric: \"abc\""),
      Cast.fails("123456789.5", "UPDATE t SET x = s::numeric(10, 2)", "numeric field overflow",
          "strata: numeric field overflow"),
      Cast.fails("1e", "UPDATE t SET r = s::double precision",
          "invalid input syntax for type double precision",
          "strata: invalid input syntax for type double precision: \"1e\""),
      Cast.fails("o", "UPDATE t SET f = s::boolean", "invalid input syntax for type boolean",
          "strata: invalid input syntax for type boolean: \"o\""),
      Cast.fails("abc", "ALTER TABLE t ALTER COLUMN s TYPE BIGINT USING s::bigint",
          "invalid input syntax for type bigint",
          "strata: invalid input syntax for type bigint: \"abc\""));

  private static String revision(Cast cast) {
    return """
        -- revision: 0001_t
        -- revises: base
        -- +upgrade
        CREATE TABLE t (id BIGINT PRIMARY KEY, s VARCHAR(40), n INTEGER, b BIGINT,
            x NUMERIC(10, 2), r DOUBLE PRECISION, f BOOLEAN);
        INSERT INTO t (id, s) VALUES (1, '1'), (2, '%s');
        %s;
        -- +downgrade
        DROP TABLE t;
        """.formatted(cast.text(), cast.statement());
  }

  @Test
  void sqliteCastsTextAsPostgresqlDoes() throws Exception {
    int i = 0;
    for (Cast cast : CASTS) {
      Chain chain = new Chain(dir.resolve("cast" + ++i), revision(cast));
      String what = cast.text() + " in " + cast.statement();
      try (TestDatabase postgres = TestDatabase.create("postgresql", "casts_pg");
          SqliteDatabase sqlite = SqliteDatabase.create("casts_sqlite")) {
        ClientRun pg = postgres.apply(chain.script(Dialect.POSTGRESQL, Direction.UPGRADE,
            "base:head", GoldenCases.OPTIONS));
        ClientRun lite = Sqlite3.run(sqlite, chain.script(Dialect.SQLITE, Direction.UPGRADE,
            "base:head", GoldenCases.OPTIONS));
        if (cast.error().isEmpty()) {
          assertEquals(0, pg.exitCode(), what + ": " + pg.stderr());
          assertEquals(0, lite.exitCode(), what + ": " + lite.stderr());
          String value = "SELECT " + cast.column() + " FROM t WHERE id = 2";
          assertEquals(List.of(cast.value()), postgres.query(value), what);
          assertEquals(List.of(cast.value()), sqlite.query(value), what);
        } else {
          assertNotEquals(0, pg.exitCode(), what);
          assertTrue(pg.stderr().contains(cast.error()), what + ": " + pg.stderr());
          assertNotEquals(0, lite.exitCode(), what);
          assertTrue(lite.stderr().contains(cast.sqliteError()), what + ": " + lite.stderr());
          // the script's transaction is gone with it: not even the table is left
          assertEquals(List.of("0"),
              sqlite.query("SELECT count(*) FROM sqlite_master WHERE name = 't'"), what);
        }
      }
    }
  }

  @Test
  void aTextLiteralPostgresqlRefusesIsRefused() throws Exception {
    Chain chain = new Chain(dir, revision(Cast.ok("1", "UPDATE t SET n = 'abc'::integer", "n",
        "")));
    dev.strata.grammar.DiagnosticException refused = org.junit.jupiter.api.Assertions.assertThrows(
        dev.strata.grammar.DiagnosticException.class, () -> chain.render(Dialect.SQLITE,
            Direction.UPGRADE, "base:head", GoldenCases.OPTIONS));
    assertTrue(refused.getMessage().contains("'abc' cannot be cast to integer"),
        refused.getMessage());
  }

  private static void applied(TestDatabase database, Path script) {
    ClientRun run = database.apply(script);
    assertEquals(0, run.exitCode(), run.describe());
  }
}
