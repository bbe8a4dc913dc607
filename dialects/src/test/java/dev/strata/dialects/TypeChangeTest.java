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

  private static final String TIMES = """
      -- revision: 0001_times
      -- revises: base
      -- +upgrade
      CREATE TABLE w (id BIGINT PRIMARY KEY, at TIMESTAMP, whole TIMESTAMP(0), f BOOLEAN);
      INSERT INTO w (id, at, whole) VALUES (1, '2024-01-05 10:00:00', '2024-01-05 10:00:00');
      -- +downgrade
      DROP TABLE w;
      """;

  /**
   * A change MariaDB's {@code MODIFY} makes otherwise than PostgreSQL is refused (E0449), also
   * with a {@code USING} that only casts, which is left out: a timestamp with fractional digits
   * becoming text ({@code '2024-01-05 10:00:00.000000'}, PostgreSQL's {@code '2024-01-05
   * 10:00:00'}), a boolean becoming text through {@code USING f::text}. A timestamp of whole
   * seconds becomes the same text in both.
   */
  @Test
  void mariadbRefusesTextOfFractionalTimestamps() throws Exception {
    for (String[] change : new String[][] {
        {"ALTER TABLE w ALTER COLUMN at TYPE TEXT", "ALTER COLUMN at TYPE of a TIMESTAMP column"
            + " to text cannot be rendered for mariadb: mariadb would write every fractional"
            + " digit ('10:00:00.000000') where PostgreSQL writes none of the trailing zeros"
            + " ('10:00:00')"},
        {"ALTER TABLE w ALTER COLUMN f TYPE VARCHAR(10) USING f::text", "ALTER COLUMN f TYPE of"
            + " a BOOLEAN column to text cannot be rendered for mariadb"}}) {
      MysqlChain chain = new MysqlChain(dir.resolve("r" + change[0].length()), Dialect.MARIADB,
          TIMES, """
          -- revision: 0002_text
          -- revises: 0001_times
          -- +upgrade
          %s;
          """.formatted(change[0]));
      dev.strata.grammar.DiagnosticException refused = org.junit.jupiter.api.Assertions
          .assertThrows(dev.strata.grammar.DiagnosticException.class,
              () -> chain.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals("E0449", refused.diagnostics().getFirst().code());
      assertTrue(refused.diagnostics().getFirst().message().startsWith(change[1]),
          refused.diagnostics().getFirst().message());
    }
    String whole = """
        -- revision: 0002_text
        -- revises: 0001_times
        -- +upgrade
        ALTER TABLE w ALTER COLUMN whole TYPE TEXT;
        """;
    MysqlChain chain = new MysqlChain(dir.resolve("whole"), Dialect.MARIADB, TIMES, whole);
    try (TestDatabase maria = TestDatabase.create("mariadb", "times_maria");
        TestDatabase postgres = TestDatabase.create("postgresql", "times_pg")) {
      MysqlChain.apply(maria, chain.upgrade("base:head", GoldenCases.OPTIONS));
      applied(postgres, new Chain(dir.resolve("whole_pg"), TIMES, whole).script(
          Dialect.POSTGRESQL, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS));
      List<String> value = List.of("2024-01-05 10:00:00");
      assertEquals(value, postgres.query("SELECT whole FROM w"));
      assertEquals(value, maria.query("SELECT whole FROM w"));
    }
  }

  /**
   * Casts to boolean in MariaDB, run by its client and by PostgreSQL's: texts PostgreSQL's {@code
   * boolin} reads (with spaces, tabs, line breaks, a vertical tab or a form feed around), an
   * integer, NULL, and a text it refuses, which stops MariaDB's script too
   * (through the strict {@code sql_mode}) with strata's message, the failing statement changing
   * no row.
   */
  @Test
  void mariadbCastsToBooleanAsPostgresqlDoes() throws Exception {
    String cast = """
        -- revision: 0001_b
        -- revises: base
        -- +upgrade
        CREATE TABLE b (id BIGINT PRIMARY KEY, s VARCHAR(10), n INTEGER, f BOOLEAN, g BOOLEAN);
        INSERT INTO b (id, s, n) VALUES (1, ' Yes ', 2), (2, 'of', 0), (3, NULL, NULL),
            (4, 'TRUE', -1), (5, E'\\tno\\n', 1), (6, E'\\013on\\f', 0);
        UPDATE b SET f = s::boolean, g = n::boolean;
        UPDATE b SET g = CAST('off' AS BOOLEAN) WHERE id = 4;
        %s
        -- +downgrade
        DROP TABLE b;
        """;
    String rows = "SELECT id, CASE WHEN f THEN 'T' WHEN NOT f THEN 'F' END,"
        + " CASE WHEN g THEN 'T' WHEN NOT g THEN 'F' END FROM b ORDER BY id";
    List<String> expected =
        List.of("1|T|T", "2|F|F", "3|null|null", "4|T|F", "5|F|T", "6|T|F");
    try (TestDatabase postgres = TestDatabase.create("postgresql", "bool_pg");
        TestDatabase maria = TestDatabase.create("mariadb", "bool_maria")) {
      applied(postgres, new Chain(dir.resolve("pg"), cast.formatted("")).script(
          Dialect.POSTGRESQL, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS));
      assertEquals(expected, postgres.query(rows));
      MysqlChain.apply(maria, new MysqlChain(dir.resolve("maria"), Dialect.MARIADB,
          cast.formatted("")).upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(expected, maria.query(rows));
    }
    String refused = cast.formatted(
        "UPDATE b SET s = 'o' WHERE id = 1; UPDATE b SET f = NOT s::boolean;");
    try (TestDatabase postgres = TestDatabase.create("postgresql", "bool_pg_bad");
        TestDatabase maria = TestDatabase.create("mariadb", "bool_maria_bad")) {
      ClientRun pg = postgres.apply(new Chain(dir.resolve("pg_bad"), refused).script(
          Dialect.POSTGRESQL, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS));
      assertTrue(pg.stderr().contains("invalid input syntax for type boolean: \"o\""),
          pg.stderr());
      ClientRun run = maria.apply(new MysqlChain(dir.resolve("maria_bad"), Dialect.MARIADB,
          refused).upgrade("base:head", GoldenCases.OPTIONS));
      assertNotEquals(0, run.exitCode());
      assertTrue(run.stderr().contains("strata: invalid input syntax for type boolean: \"o\""),
          run.stderr());
      // the failing UPDATE changed no row (MariaDB's DDL before it is not transactional)
      assertEquals(List.of("1|T|T"), maria.query(rows + " LIMIT 1"));
    }
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
          "strata: invalid input syntax for type bigint: \"abc\""),
      Cast.fails("1", "UPDATE t SET b = 3000000000; UPDATE t SET n = b::integer",
          "integer out of range", "strata: value out of range for type integer"),
      Cast.ok("1", "UPDATE t SET b = -32768; UPDATE t SET n = b::smallint", "n", "-32768"),
      Cast.fails("1", "UPDATE t SET n = 40000; UPDATE t SET n = n::smallint",
          "smallint out of range", "strata: value out of range for type smallint"),
      Cast.ok(" 2024-01-05\t", "UPDATE t SET d = s::date WHERE id = 2", "d", "2024-01-05"),
      Cast.ok("2024-01-05 10:30", "UPDATE t SET d = s::date WHERE id = 2", "d", "2024-01-05"),
      Cast.ok("2024-02-29 24:00", "UPDATE t SET ts = s::timestamp WHERE id = 2", "ts",
          "2024-03-01 00:00:00"),
      Cast.ok("2024-01-05T10:30:00", "UPDATE t SET ts = s::timestamp WHERE id = 2", "ts",
          "2024-01-05 10:30:00"),
      Cast.ok(" 10:30 ", "UPDATE t SET tm = s::time WHERE id = 2", "tm", "10:30:00"),
      Cast.ok("2024-01-05 10:00:00.500", "UPDATE t SET ts = s::timestamp WHERE id = 2", "ts",
          "2024-01-05 10:00:00.5"),
      Cast.ok(" 2024-02-29T23:59:59.123456 ", "UPDATE t SET ts = s::timestamp WHERE id = 2", "ts",
          "2024-02-29 23:59:59.123456"),
      Cast.ok("10:30:00.000", "UPDATE t SET tm = s::time WHERE id = 2", "tm", "10:30:00"),
      Cast.ok("10:30:00.010", "UPDATE t SET tm = s::time WHERE id = 2", "tm", "10:30:00.01"),
      Cast.ok("2024-01-05 10:30", "UPDATE t SET tm = s::time WHERE id = 2", "tm", "10:30:00"),
      Cast.fails("2024-02-30", "UPDATE t SET d = s::date WHERE id = 2", "date/time field value out of range",
          "strata: date/time field value out of range: \"2024-02-30\""),
      Cast.fails("2023-02-29 10:00", "UPDATE t SET ts = s::timestamp WHERE id = 2",
          "date/time field value out of range",
          "strata: date/time field value out of range: \"2023-02-29 10:00\""),
      Cast.fails("soon", "UPDATE t SET d = s::date WHERE id = 2", "invalid input syntax for type date",
          "strata: invalid input syntax for type date (SQLite reads YYYY-MM-DD HH:MM:SS):"
              + " \"soon\""),
      Cast.fails("10:30", "UPDATE t SET d = s::date WHERE id = 2", "invalid input syntax for type date",
          "strata: invalid input syntax for type date"),
      Cast.fails("2024-01-05 25:00", "UPDATE t SET ts = s::timestamp WHERE id = 2",
          "date/time field value out of range", "strata: invalid input syntax for type timestamp"),
      Cast.fails("25:00", "UPDATE t SET tm = s::time WHERE id = 2", "date/time field value out of range",
          "strata: invalid input syntax for type time"),
      // literals, checked at render: the zone that PostgreSQL ignores is not applied by SQLite
      Cast.ok("1", "UPDATE t SET ts = '2024-01-05 23:30+05:00'::timestamp", "ts",
          "2024-01-05 23:30:00"),
      Cast.ok("1", "UPDATE t SET d = ' 2024-01-05 02:00-05:00 '::date", "d", "2024-01-05"),
      Cast.ok("1", "UPDATE t SET ts = '2024-12-31 24:00:00'::timestamp", "ts",
          "2025-01-01 00:00:00"));

  private static String revision(Cast cast) {
    return """
        -- revision: 0001_t
        -- revises: base
        -- +upgrade
        CREATE TABLE t (id BIGINT PRIMARY KEY, s VARCHAR(40), n INTEGER, b BIGINT,
            x NUMERIC(10, 2), r DOUBLE PRECISION, f BOOLEAN, d DATE, ts TIMESTAMP, tm TIME);
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

  /** A text literal PostgreSQL refuses when it reads the statement is refused at render. */
  @Test
  void aLiteralPostgresqlRefusesIsRefused() throws Exception {
    int i = 0;
    for (String[] literal : new String[][] {
        {"n = 'abc'::integer", "'abc' cannot be cast to integer"},
        {"d = '2024-02-30'::date", "'2024-02-30' cannot be cast to date"},
        {"d = '24:30'::time", "'24:30' cannot be cast to time"},
        {"d = 'Jan 5 2024'::timestamp", "'Jan 5 2024' cannot be cast to timestamp"}}) {
      Chain chain = new Chain(dir.resolve("literal" + ++i), revision(
          Cast.ok("1", "UPDATE t SET " + literal[0], "d", "")));
      dev.strata.grammar.DiagnosticException refused = org.junit.jupiter.api.Assertions
          .assertThrows(dev.strata.grammar.DiagnosticException.class, () -> chain.render(
              Dialect.SQLITE, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS));
      assertTrue(refused.getMessage().contains(literal[1]), refused.getMessage());
    }
  }

  /**
   * Date and time literals whose text SQLite's date functions, MySQL's and MariaDB's casts read
   * otherwise than PostgreSQL (white space and a zone offset around a date, hour 24, a zone on a
   * time, a timestamptz's offset, a fraction past microseconds): each dialect stores PostgreSQL's
   * value ({@link TemporalLiteral}).
   */
  private static final String TEMPORAL = """
      -- revision: 0001_l
      -- revises: base
      -- +upgrade
      CREATE TABLE l (id BIGINT PRIMARY KEY, d DATE, ts TIMESTAMP, tm TIME, tz TIMESTAMPTZ);
      INSERT INTO l (id, d, ts, tm, tz) VALUES (1, ' 2024-01-05 02:00-05:00 '::date,
          '2024-12-31 24:00'::timestamp, '10:00:00.50+02'::time,
          '2024-01-05 01:00+05:30'::timestamptz);
      INSERT INTO l (id, ts) VALUES (2, '2024-01-05T10:00:00.0000025'::timestamp);
      -- +downgrade
      DROP TABLE l;
      """;

  /** The rows {@link #TEMPORAL} leaves, in a form every dialect answers alike. */
  private static final String TEMPORAL_ROWS = "SELECT id FROM l WHERE (d = '2024-01-05'"
      + " AND ts = '2025-01-01 00:00:00' AND tm = '10:00:00.5' AND tz = '2024-01-04 19:30:00')"
      + " OR ts = '2024-01-05 10:00:00.000002' ORDER BY id";

  @Test
  void temporalLiteralsArePostgresqlsValuesEverywhere() throws Exception {
    Chain chain = new Chain(dir.resolve("temporal"), TEMPORAL);
    try (TestDatabase postgres = TestDatabase.create("postgresql", "temporal_pg");
        SqliteDatabase sqlite = SqliteDatabase.create("temporal_sqlite");
        TestDatabase mariadb = TestDatabase.create("mariadb", "temporal_maria")) {
      applied(postgres, chain.script(Dialect.POSTGRESQL, Direction.UPGRADE, "base:head",
          GoldenCases.OPTIONS));
      assertEquals(List.of("1", "2"), postgres.query(TEMPORAL_ROWS));
      Sqlite3.apply(sqlite, chain.script(Dialect.SQLITE, Direction.UPGRADE, "base:head",
          GoldenCases.OPTIONS));
      assertEquals(List.of("1", "2"), sqlite.query(TEMPORAL_ROWS));
      MysqlChain maria = new MysqlChain(dir.resolve("maria"), Dialect.MARIADB, TEMPORAL);
      MysqlChain.apply(mariadb, maria.upgrade("base:head", GoldenCases.OPTIONS));
      assertEquals(List.of("1", "2"), mariadb.query(TEMPORAL_ROWS));
    }
  }

  private static void applied(TestDatabase database, Path script) {
    ClientRun run = database.apply(script);
    assertEquals(0, run.exitCode(), run.describe());
  }
}
