package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.ColumnConstraint;
import dev.strata.grammar.ast.ColumnDef;
import dev.strata.grammar.ast.Expr;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.MariaDbServer;
import dev.strata.testkit.TestDatabase;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.CreateTableElementListStep;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The type mapping and the translated defaults and expressions, executed: a {@code CREATE TABLE}
 * with every mappable type and the usual defaults, rendered with {@link DataTypes} and {@link
 * Expressions} as the statement renderers do, is applied with the real client ({@code mariadb},
 * {@code sqlite3}) to a fresh database; the columns come back with the types docs/dialects.md
 * documents ({@code SHOW CREATE TABLE}, {@code PRAGMA table_info}), a row inserted with every
 * default reads back with the values PostgreSQL would give, and translated expressions evaluate
 * as they do in PostgreSQL. The databases come from the testkit: without a server the test is
 * skipped locally and fails under {@code CI=true}; {@code sqlite3} is always required.
 */
class TypesDatabaseTest {
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern UUID_V4 = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  /** The table every dialect creates, in the language; each column says what it exercises. */
  private static final String TABLE = """
      CREATE TABLE types_t (
          small SMALLINT DEFAULT 1,
          n INTEGER NOT NULL DEFAULT -1,
          big BIGINT,
          serial_base BIGSERIAL,
          amount NUMERIC(20, 4) NOT NULL DEFAULT 0,
          ratio REAL,
          score DOUBLE PRECISION DEFAULT 1.5,
          code VARCHAR(20) NOT NULL DEFAULT 'VIEWTRADE',
          unbounded VARCHAR,
          note TEXT DEFAULT 'none',
          path TEXT DEFAULT 'C:\\temp\\x',
          flag CHAR DEFAULT 'Y',
          active BOOLEAN NOT NULL DEFAULT true,
          born DATE DEFAULT CURRENT_DATE,
          at_time TIME,
          plain_at TIMESTAMP(3),
          created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
          updated_at TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP,
          doc JSONB NOT NULL DEFAULT %s,
          tags JSON DEFAULT '[]',
          uid UUID NOT NULL DEFAULT gen_random_uuid(),
          data BYTEA,
          mood mood DEFAULT 'happy',
          label VARCHAR(40) DEFAULT upper('a' || 'b')
      );
      """;

  @Test
  void mariadb() throws DiagnosticException {
    try (TestDatabase db = TestDatabase.create("mariadb", "types_mariadb")) {
      apply(db, createTable(Dialect.MARIADB, "'{}'::jsonb"));
      String created = db.query("SHOW CREATE TABLE types_t").getFirst();
      assertEquals(List.of(
              "`small` smallint(6) DEFAULT 1,",
              "`n` int(11) NOT NULL DEFAULT -1,",
              "`big` bigint(20) DEFAULT NULL,",
              "`serial_base` bigint(20) DEFAULT NULL,",
              "`amount` decimal(20,4) NOT NULL DEFAULT 0.0000,",
              "`ratio` float DEFAULT NULL,",
              "`score` double DEFAULT 1.5,",
              "`code` varchar(20) NOT NULL DEFAULT 'VIEWTRADE',",
              "`unbounded` longtext DEFAULT NULL,",
              "`note` longtext DEFAULT 'none',",
              "`path` longtext DEFAULT 'C:\\\\temp\\\\x',",
              "`flag` char(1) DEFAULT 'Y',",
              "`active` tinyint(1) NOT NULL DEFAULT 1,",
              "`born` date DEFAULT curdate(),",
              "`at_time` time(6) DEFAULT NULL,",
              "`plain_at` datetime(3) DEFAULT NULL,",
              "`created_at` datetime(6) NOT NULL DEFAULT current_timestamp(6),",
              "`updated_at` datetime(3) DEFAULT current_timestamp(3),",
              "`doc` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT '{}'"
                  + " CHECK (json_valid(`doc`)),",
              "`tags` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT '[]'"
                  + " CHECK (json_valid(`tags`)),",
              "`uid` uuid NOT NULL DEFAULT uuid(),",
              "`data` longblob DEFAULT NULL,",
              "`mood` enum('happy','it''s') DEFAULT 'happy',",
              "`label` varchar(40) DEFAULT ucase(concat('a','b'))"),
          columnLines(created), created);
      apply(db, "INSERT INTO types_t () VALUES ();\n");
      Map<String, String> row = row(db.query("SELECT small, n, amount, score, code, note, path,"
          + " flag, active, born, created_at, updated_at, doc, tags, uid, mood, label"
          + " FROM types_t").getFirst(), "small", "n", "amount", "score", "code", "note", "path",
          "flag", "active", "born", "created_at", "updated_at", "doc", "tags", "uid", "mood",
          "label");
      assertDefaults(row, "0.0000");
      assertTrue(UUID.matcher(row.get("uid")).matches(), row.get("uid"));
      String now = db.query("SELECT current_timestamp(6)").getFirst();
      assertRecent(row.get("created_at"), now);
      assertEquals(6, row.get("created_at").length() - row.get("created_at").indexOf('.') - 1,
          "microseconds kept: " + row.get("created_at"));
      assertEquals(db.query("SELECT curdate()").getFirst(), row.get("born"));
    }
  }

  /**
   * The mysql dialect's DDL, against MySQL where the testkit finds it, else against the MariaDB
   * server (as the issue allows): there, {@code json} is MariaDB's {@code longtext}, and the
   * JSON default is a text literal, since MariaDB has no {@code CAST(x AS JSON)}, the form MySQL
   * needs for {@code '{}'::jsonb} (checked by {@link ExpressionsTest}).
   */
  @Test
  void mysql() throws DiagnosticException {
    boolean mariadb = MariaDbServer.requireMysql().isMariaDb();
    try (TestDatabase db = TestDatabase.create("mysql", "types_mysql")) {
      apply(db, createTable(Dialect.MYSQL, mariadb ? "'{}'" : "'{}'::jsonb"));
      List<String> types = db.query("SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE"
          + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
          + " AND TABLE_NAME = 'types_t' ORDER BY ORDINAL_POSITION");
      String json = mariadb ? "longtext" : "json";
      assertEquals(List.of(
          "small|smallint" + (mariadb ? "(6)" : "") + "|YES",
          "n|int" + (mariadb ? "(11)" : "") + "|NO",
          "big|bigint" + (mariadb ? "(20)" : "") + "|YES",
          "serial_base|bigint" + (mariadb ? "(20)" : "") + "|YES",
          "amount|decimal(20,4)|NO",
          "ratio|float|YES",
          "score|double|YES",
          "code|varchar(20)|NO",
          "unbounded|longtext|YES",
          "note|longtext|YES",
          "path|longtext|YES",
          "flag|char(1)|YES",
          "active|tinyint(1)|NO",
          "born|date|YES",
          "at_time|time(6)|YES",
          "plain_at|datetime(3)|YES",
          "created_at|datetime(6)|NO",
          "updated_at|datetime(3)|YES",
          "doc|" + json + "|NO",
          "tags|" + json + "|YES",
          "uid|varchar(36)|NO",
          "data|longblob|YES",
          "mood|enum('happy','it''s')|YES",
          "label|varchar(40)|YES"), types);
      apply(db, "INSERT INTO types_t () VALUES ();\n");
      Map<String, String> row = row(db.query("SELECT small, n, amount, score, code, note, path,"
          + " flag, active, born, created_at, updated_at, doc, tags, uid, mood, label"
          + " FROM types_t").getFirst(), "small", "n", "amount", "score", "code", "note", "path",
          "flag", "active", "born", "created_at", "updated_at", "doc", "tags", "uid", "mood",
          "label");
      assertDefaults(row, "0.0000");
      assertTrue(UUID.matcher(row.get("uid")).matches(), row.get("uid"));
      assertRecent(row.get("created_at"), db.query("SELECT current_timestamp(6)").getFirst());
    }
  }

  @Test
  void sqlite() throws DiagnosticException {
    try (TestDatabase db = TestDatabase.create("sqlite", "types_sqlite")) {
      apply(db, createTable(Dialect.SQLITE, "'{}'::jsonb"));
      ClientRun info = db.applyText("PRAGMA table_info(types_t);\n");
      assertTrue(info.ok(), info.describe());
      // SQLite prints the five names of its own types (INTEGER, REAL, TEXT, BLOB, ANY) in upper
      // case, and a default without the parentheses around it
      assertEquals(List.of(
          "0|small|smallint|0|1|0",
          "1|n|INTEGER|1|-1|0",
          "2|big|INTEGER|0||0",
          "3|serial_base|INTEGER|0||0",
          "4|amount|numeric(20, 4)|1|0|0",
          "5|ratio|REAL|0||0",
          "6|score|double|0|cast(1.5 AS numeric)|0",
          "7|code|varchar(20)|1|'VIEWTRADE'|0",
          "8|unbounded|varchar|0||0",
          "9|note|TEXT|0|'none'|0",
          "10|path|TEXT|0|'C:\\temp\\x'|0",
          "11|flag|char(1)|0|'Y'|0",
          "12|active|boolean|1|1|0",
          "13|born|date|0|CURRENT_DATE|0",
          "14|at_time|time|0||0",
          "15|plain_at|datetime(3)|0||0",
          "16|created_at|datetime|1|CURRENT_TIMESTAMP|0",
          "17|updated_at|datetime(3)|0|CURRENT_TIMESTAMP|0",
          "18|doc|TEXT|1|'{}'|0",
          "19|tags|TEXT|0|'[]'|0",
          "20|uid|varchar(36)|1|lower((hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'"
              + " || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', (1 + (random() & 3)),"
              + " 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))|0",
          "21|data|BLOB|0||0",
          "22|mood|TEXT|0|'happy'|0",
          "23|label|varchar(40)|0|upper(('a' || 'b'))|0"), info.stdout().lines().toList());
      ClientRun inserted = db.applyText("INSERT INTO types_t DEFAULT VALUES;\n"
          + "INSERT INTO types_t DEFAULT VALUES;\n"
          + ".mode list\n"
          + "SELECT small, n, amount, score, code, note, path, flag, active, born, created_at,"
          + " updated_at, doc, tags, uid, mood, label, CURRENT_TIMESTAMP, date('now')"
          + " FROM types_t;\n");
      assertTrue(inserted.ok(), inserted.describe());
      List<String> rows = inserted.stdout().lines().toList();
      Map<String, String> row = row(rows.getFirst(), "small", "n", "amount",
          "score", "code", "note", "path", "flag", "active", "born", "created_at", "updated_at",
          "doc", "tags", "uid", "mood", "label", "now", "today");
      assertDefaults(row, "0");
      assertTrue(UUID_V4.matcher(row.get("uid")).matches(), row.get("uid"));
      assertFalse(rows.get(0).split("\\|")[14].equals(rows.get(1).split("\\|")[14]),
          "each row its own uuid: " + rows);
      assertRecent(row.get("created_at"), row.get("now"));
      assertEquals(row.get("today"), row.get("born"));
      // the implied checks refuse what PostgreSQL's types refuse
      ClientRun badEnum = db.applyText("INSERT INTO types_t (mood) VALUES ('sad');\n");
      assertFalse(badEnum.ok(), badEnum.describe());
      assertTrue(badEnum.stderr().contains("CHECK constraint failed"), badEnum.describe());
      ClientRun badJson = db.applyText("INSERT INTO types_t (doc) VALUES ('{oops');\n");
      assertFalse(badJson.ok(), badJson.describe());
    }
  }

  /** PostgreSQL expression | its value in PostgreSQL, as mariadb's JDBC and sqlite3 print it. */
  private static final String[][] VALUES = {
      {"'C:\\temp' || '\\x'", "C:\\temp\\x", "C:\\temp\\x"},
      {"upper('a') || lower('B')", "Ab", "Ab"},
      {"coalesce(NULL, 'z')", "z", "z"},
      {"char_length('héllo')", "5", "5"},
      {"length('héllo')", "5", "5"},
      {"'2.5'::real * 2", "5", "5.0"},
      {"'1.25'::double precision * 2", "2.5", "2.5"},
      {"'7.125'::numeric(10, 2)", "7.13", "7.13"},
      {"'2024-05-01'::date", "2024-05-01", "2024-05-01"},
      // the same value; MariaDB prints a datetime(6) with its six digits
      {"'2024-05-01 10:00:00'::timestamp", "2024-05-01 10:00:00.000000", "2024-05-01 10:00:00"},
      {"extract(year from '2024-05-01'::date)", "2024", "2024"},
      {"round(2.567, 2)", "2.57", "2.57"},
      {"log10(100) + log(2, 8)", "5", "5.0"},
      {"CASE WHEN 2 BETWEEN 1 AND 3 THEN 'in' ELSE 'out' END", "in", "in"},
      {"'{\"a\": \"b\"}'::jsonb ->> 'a'", "b", "b"},
      {"'{}'::jsonb", "{}", "{}"},
      // a member whose name holds a dot is one member, not the path a, b
      {"'{\"a.b\": \"flat\", \"a\": {\"b\": \"nested\"}}'::jsonb ->> 'a.b'", "flat", "flat"},
      {"'{\"a b\": \"x\", \"q\\\"\": \"y\"}'::jsonb ->> 'a b'", "x", "x"},
      {"now() - interval '1 day' < now()", "1", "1"},
      {"random() >= 0 AND random() < 1", "1", "1"},
      {"7 % 3", "1", "1"},
      {"'abc' LIKE 'a%'", "1", "1"},
      // PostgreSQL's LIKE escapes with a backslash; SQLite's needs ESCAPE for it
      {"'a_b' LIKE 'a\\_b'", "1", "1"},
      {"'axb' LIKE 'a\\_b'", "0", "0"},
      {"'a%b' NOT LIKE 'a\\%b'", "0", "0"},
      {"'A_B' ILIKE 'a\\_b'", "1", "1"},
      {"'AxB' NOT ILIKE 'a\\_b'", "1", "1"},
      {"'a\\b' LIKE 'a\\\\b'", "1", "1"},
      {"NULL IS NULL", "1", "1"},
      {"'ABCDE1234F' SIMILAR TO '[A-Z]{5}[0-9]{4}[A-Z]'", "1", "1"},
      {"'abcde1234f' SIMILAR TO '[A-Z]{5}[0-9]{4}[A-Z]'", "0", "0"},
      {"'xay' SIMILAR TO 'x.y'", "0", "0"},
      {"'x.y' SIMILAR TO 'x_y' AND 'abc' NOT SIMILAR TO 'b%'", "1", "1"},
      {"'Abc' ~ '^[a-z]+$'", "0", "0"},
  };

  @Test
  void translatedExpressionsEvaluate() throws DiagnosticException {
    Expressions mariadbExpressions = expressions(Dialect.MARIADB);
    Expressions sqliteExpressions = expressions(Dialect.SQLITE);
    try (TestDatabase mariadb = TestDatabase.create("mariadb", "types_values");
        TestDatabase sqlite = TestDatabase.create("sqlite", "types_values")) {
      StringBuilder script = new StringBuilder(".mode list\n");
      List<String> expected = new ArrayList<>();
      for (String[] value : VALUES) {
        Expr expr = TypeCases.revision("UPDATE t SET c = " + value[0] + ";\n").statements()
            .stream().findFirst().map(s -> ((dev.strata.grammar.ast.Operation.Update)
                s.operation()).assignments().getFirst())
            .map(a -> ((dev.strata.grammar.ast.Operation.AssignedValue.Expression)
                ((dev.strata.grammar.ast.Operation.Assignment.Column) a).value()).expr())
            .orElseThrow();
        Site site = TypeCases.revision("UPDATE t SET c = " + value[0] + ";\n").site(0);
        String translated = mariadbExpressions.text(expr, site);
        assertEquals(List.of(value[1]), mariadb.query("SELECT " + translated), translated);
        script.append("SELECT ").append(sqliteExpressions.text(expr, site)).append(";\n");
        expected.add(value[2]);
      }
      ClientRun run = sqlite.applyText(script.toString());
      assertTrue(run.ok(), run.describe());
      assertEquals(expected, run.stdout().lines().toList());
    }
  }

  private static void assertDefaults(Map<String, String> row, String amount) {
    assertEquals("1", row.get("small"));
    assertEquals("-1", row.get("n"));
    assertEquals(amount, row.get("amount"));
    assertEquals("VIEWTRADE", row.get("code"));
    assertEquals("none", row.get("note"));
    assertEquals("C:\\temp\\x", row.get("path"), "backslashes kept");
    assertEquals("Y", row.get("flag"));
    assertTrue(row.get("active").equals("1") || row.get("active").equals("true"),
        row.get("active"));
    assertEquals("{}", row.get("doc"));
    assertEquals("[]", row.get("tags"));
    assertEquals("happy", row.get("mood"));
    assertEquals("AB", row.get("label"));
    assertTrue(row.get("score").startsWith("1.5"), row.get("score"));
  }

  /** {@code value} is a timestamp at most a minute before {@code now}. */
  private static void assertRecent(String value, String now) {
    LocalDateTime at = timestamp(value);
    LocalDateTime reference = timestamp(now);
    long seconds = ChronoUnit.SECONDS.between(at, reference);
    assertTrue(seconds >= -1 && seconds < 60, value + " vs " + now);
  }

  private static LocalDateTime timestamp(String text) {
    String iso = text.replace(' ', 'T');
    return LocalDateTime.parse(iso.length() > 19 ? iso.substring(0, 19) : iso,
        DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }

  private static Map<String, String> row(String line, String... names) {
    String[] values = line.split("\\|", -1);
    Map<String, String> row = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      row.put(names[i], values[i]);
    }
    return row;
  }

  /** The column definitions of a {@code SHOW CREATE TABLE}, trimmed. */
  private static List<String> columnLines(String showCreate) {
    return showCreate.lines().map(String::strip).filter(l -> l.startsWith("`")).toList();
  }

  private static void apply(TestDatabase db, String script) {
    ClientRun run = db.applyText(script);
    assertTrue(run.ok(), script + "\n" + run.describe());
  }

  /**
   * The test table as the statement renderers build it: jOOQ's {@code CREATE TABLE} with each
   * column's {@link DataTypes#of type}, {@code NOT NULL}, {@link ColumnDefault default} and, in
   * SQLite, the {@link DataTypes#impliedCheck checks}.
   */
  private static String createTable(Dialect dialect, String jsonDefault)
      throws DiagnosticException {
    TypeCases.Revision revision = TypeCases.revision(TABLE.formatted(jsonDefault));
    SqlContext sql = SqlContext.forDialect(dialect);
    Expressions expressions = expressions(dialect);
    CreateTableElementListStep create = sql.dsl().createTable("types_t");
    List<org.jooq.Constraint> checks = new ArrayList<>();
    for (int i = 0; i < revision.columns().size(); i++) {
      ColumnDef column = revision.columns().get(i);
      Site site = revision.columnSite(i);
      DataType<?> type = DataTypes.of(column.type(), dialect, sql, TypeCases.MODEL, site);
      for (ColumnConstraint constraint : column.constraints()) {
        if (constraint instanceof ColumnConstraint.NotNull) {
          type = type.notNull();
        } else if (constraint instanceof ColumnConstraint.Default value) {
          type = expressions.columnDefault(value.value(), type, column.type(), revision.site(0))
              .applyTo(type, dialect);
        }
      }
      create = create.column(SqlContext.name(column.name()), type);
      DataTypes.impliedCheck(SqlContext.name(column.name()), column.type(), dialect,
          TypeCases.MODEL).ifPresent(check -> checks.add(DSL.check(check)));
    }
    return sql.render(create.constraints(checks)) + ";\n";
  }

  private static Expressions expressions(Dialect dialect) {
    return new Expressions(dialect, SqlContext.forDialect(dialect));
  }
}
