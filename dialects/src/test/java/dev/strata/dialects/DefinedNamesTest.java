package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.SqliteDatabase;
import dev.strata.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Names a dialect cannot hold (E0453, {@link DefinedNames}): on MySQL and MariaDB a name of 65
 * characters is refused at the name, wherever the revision gives it, and names of 64 characters,
 * every kind of them, apply with the real client; on SQLite a table, view or index named
 * {@code sqlite_...} is refused, a column of that name applies with {@code sqlite3}. Each refusal
 * is one the server would make: the test runs the server's own refusal of the same name too.
 */
class DefinedNamesTest {
  @TempDir Path dir;
  private int chains;

  private static String revision(String upgrade) {
    return "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n" + upgrade;
  }

  private static String name(char letter, int length) {
    return String.valueOf(letter).repeat(length);
  }

  @ParameterizedTest
  @EnumSource(value = Dialect.class, names = {"MYSQL", "MARIADB"})
  void namesOf64CharactersApplyAndA65thIsRefusedAtTheName(Dialect dialect) throws Exception {
    String table = name('t', 64);
    String column = name('c', 64);
    MysqlChain fits = new MysqlChain(dir.resolve("fits"), dialect, revision(
        "CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, " + column + " INTEGER"
            + " CONSTRAINT " + name('k', 64) + " UNIQUE);\n"
            + "CREATE INDEX " + name('i', 64) + " ON " + table + " (" + column + ");\n"
            + "ALTER TABLE " + table + " ADD CONSTRAINT " + name('p', 64) + " CHECK (id > 0);\n"
            + "ALTER TABLE " + table + " RENAME COLUMN " + column + " TO " + name('d', 64)
            + ";\n"
            + "CREATE VIEW " + name('v', 64) + " AS SELECT id FROM " + table + ";\n"
            + "-- +downgrade\nDROP VIEW " + name('v', 64) + ";\nDROP TABLE " + table + ";\n"));
    try (TestDatabase database = TestDatabase.create(dialect.id(), "mysqlh_names")) {
      MysqlChain.apply(database, fits.upgrade("base:head", GoldenCases.OPTIONS));
      MysqlChain.apply(database, fits.downgrade("head:base", GoldenCases.OPTIONS));
      ClientRun server = database.apply(MysqlChain.sql(dir,
          "CREATE TABLE t (" + name('c', 65) + " INT);"));
      assertTrue(server.exitCode() != 0
          && MysqlChain.errors(server).getFirst().startsWith("ERROR 1059"), server.describe());
    }
    String long65 = name('n', 65);
    List<String> statements = List.of(
        "CREATE TABLE " + long65 + " (id BIGINT PRIMARY KEY);\n",
        "CREATE TABLE t (id BIGINT PRIMARY KEY, " + long65 + " INTEGER);\n",
        "CREATE TABLE t (id BIGINT CONSTRAINT " + long65 + " PRIMARY KEY);\n",
        "CREATE TABLE t (id BIGINT PRIMARY KEY);\nCREATE INDEX " + long65 + " ON t (id);\n",
        "CREATE TABLE t (id BIGINT PRIMARY KEY);\nALTER TABLE t RENAME TO " + long65 + ";\n",
        "CREATE TABLE t (id BIGINT PRIMARY KEY);\nALTER TABLE t ADD COLUMN " + long65
            + " INTEGER;\n",
        "CREATE TABLE t (id BIGINT PRIMARY KEY);\nALTER TABLE t ADD CONSTRAINT " + long65
            + " CHECK (id > 0);\n",
        "CREATE TABLE t (id BIGINT PRIMARY KEY);\nCREATE VIEW " + long65
            + " AS SELECT id FROM t;\n");
    for (String upgrade : statements) {
      String text = refused(dialect, upgrade);
      assertTrue(text.contains("error[E0453]: the name " + long65 + " is 65 characters long: "
          + dialect.id() + " allows 64"), text);
      assertCaretAt(text, long65);
    }
  }

  /** The report: "Name" and name in one table failed at apply time (duplicate column name). */
  @Test
  void columnsThatDifferOnlyInCaseAreRefusedWhereTheServersWouldRefuseThem() throws Exception {
    String revision = revision("CREATE TABLE t (id BIGINT PRIMARY KEY, \"Name\" VARCHAR(10),"
        + " name VARCHAR(10));\n");
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_names")) {
      ClientRun server = Sqlite3.run(database, "CREATE TABLE t (\"Name\" TEXT, name TEXT);");
      assertTrue(server.stderr().contains("duplicate column name"), server.describe());
    }
    for (Dialect dialect : List.of(Dialect.MYSQL, Dialect.MARIADB)) {
      String text = refused(dialect, revision.substring(revision.indexOf("CREATE")));
      assertTrue(text.contains("error[E0453]: the columns Name and name differ only in case,"
          + " which " + dialect.id() + " does not tell apart"), text);
      assertCaretAt(text, "name VARCHAR".substring(0, 4));
    }
    Chain chain = new Chain(dir.resolve("case"), revision);
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> chain.render(
        Dialect.SQLITE, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS));
    assertTrue(e.diagnostics().getFirst().format().contains("error[E0453]: the columns Name and"
        + " name differ only in case, which sqlite does not tell apart"),
        e.diagnostics().getFirst().format());
  }

  /**
   * A column added or renamed next to one that differs only in case, and in SQLite a table, view
   * or index named like another but for case: PostgreSQL takes them, the servers refuse them.
   */
  @Test
  void namesThatDifferOnlyInCaseFromTheModelsAreRefused() throws Exception {
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_names")) {
      ClientRun column = Sqlite3.run(database,
          "CREATE TABLE t (name TEXT); ALTER TABLE t ADD COLUMN \"Name\" TEXT;");
      assertTrue(column.stderr().contains("duplicate column name"), column.describe());
      ClientRun table = Sqlite3.run(database, "CREATE TABLE \"T\" (id INTEGER);");
      assertTrue(table.stderr().contains("already exists"), table.describe());
    }
    String create = "CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(10), note TEXT);\n";
    for (String upgrade : List.of(
        create + "ALTER TABLE t ADD COLUMN \"Name\" VARCHAR(10);\n",
        create + "ALTER TABLE t RENAME COLUMN note TO \"Name\";\n")) {
      for (Dialect dialect : List.of(Dialect.MYSQL, Dialect.MARIADB)) {
        String text = refused(dialect, upgrade);
        assertTrue(text.contains("error[E0453]: the column Name differs from the column name of t"
            + " only in case, which " + dialect.id() + " does not tell apart"), text);
        assertCaretAt(text, "\"Name\"");
      }
      assertTrue(sqliteRefusal(upgrade).contains("error[E0453]: the column Name differs from the"
          + " column name of t only in case, which sqlite does not tell apart"), upgrade);
    }
    for (String upgrade : List.of(
        create + "CREATE TABLE \"T\" (id BIGINT PRIMARY KEY);\n",
        create + "CREATE VIEW \"T\" AS SELECT id FROM t;\n",
        create + "CREATE INDEX \"T\" ON t (name);\n",
        create + "CREATE TABLE u (id BIGINT PRIMARY KEY);\nALTER TABLE u RENAME TO \"T\";\n")) {
      String text = sqliteRefusal(upgrade);
      assertTrue(text.contains("error[E0453]: the name T differs from t only in case, which"
          + " sqlite does not tell apart"), text);
      assertCaretAt(text, "\"T\"");
    }
    // a column renamed to its own name in another case is no clash
    Chain fits = new Chain(dir.resolve("recased"), revision(
        create + "ALTER TABLE t RENAME COLUMN note TO \"Note\";\n"));
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_names")) {
      ClientRun run = Sqlite3.apply(database, fits.script(Dialect.SQLITE, Direction.UPGRADE,
          "base:head", GoldenCases.OPTIONS));
      assertEquals("", run.stdout() + run.stderr());
    }
  }

  private String sqliteRefusal(String upgrade) throws Exception {
    Chain chain = new Chain(dir.resolve("c" + (++chains)), revision(upgrade));
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> chain.render(
        Dialect.SQLITE, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS));
    return e.diagnostics().getFirst().format();
  }

  @Test
  void sqliteRefusesItsOwnPrefixForTablesViewsAndIndexesButNotForColumns() throws Exception {
    Chain fits = new Chain(dir.resolve("sqlite"), revision(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, sqlite_note TEXT);\n"
            + "INSERT INTO t (id, sqlite_note) VALUES (1, 'kept');\n"));
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_names")) {
      ClientRun run = Sqlite3.apply(database, fits.script(Dialect.SQLITE, Direction.UPGRADE,
          "base:head", GoldenCases.OPTIONS));
      assertEquals("", run.stdout() + run.stderr());
      assertEquals(List.of("kept"), Sqlite3.query(database, "SELECT sqlite_note FROM t"));
      ClientRun server = Sqlite3.run(database, "CREATE TABLE sqlite_x (id INTEGER);");
      assertTrue(server.stderr().contains("object name reserved for internal use"),
          server.describe());
    }
    for (String upgrade : List.of(
        "CREATE TABLE Sqlite_x (id INTEGER PRIMARY KEY);\n",
        "CREATE TABLE t (id INTEGER PRIMARY KEY);\nCREATE INDEX sqlite_x ON t (id);\n",
        "CREATE TABLE t (id INTEGER PRIMARY KEY);\nCREATE VIEW sqlite_x AS SELECT id FROM t;\n",
        "CREATE TABLE t (id INTEGER PRIMARY KEY);\nALTER TABLE t RENAME TO sqlite_x;\n")) {
      Chain chain = new Chain(dir.resolve("s" + (++chains)), revision(upgrade));
      DiagnosticException e = assertThrows(DiagnosticException.class, () -> chain.render(
          Dialect.SQLITE, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS));
      String text = e.diagnostics().getFirst().format();
      assertTrue(text.contains("error[E0453]: the name ")
          && text.contains(" starts with sqlite_, which sqlite keeps for its own tables"), text);
      assertCaretAt(text, upgrade.contains("Sqlite_x") ? "Sqlite_x" : "sqlite_x");
    }
  }

  private String refused(Dialect dialect, String upgrade) throws Exception {
    MysqlChain chain = new MysqlChain(dir.resolve("r" + (++chains)), dialect, revision(upgrade));
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> chain.render(Direction.UPGRADE, "base:head", GoldenCases.OPTIONS));
    return e.diagnostics().getFirst().format();
  }

  /** The caret line of a formatted diagnostic starts under {@code name} in the source line. */
  private static void assertCaretAt(String text, String name) {
    List<String> lines = text.lines().toList();
    int carets = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("^")) {
        carets = i;
        break;
      }
    }
    assertTrue(carets > 0, text);
    String source = lines.get(carets - 1);
    String marks = lines.get(carets);
    int at = marks.indexOf('^');
    assertTrue(source.startsWith(name, at), text);
    assertEquals(name.length(), marks.chars().filter(c -> c == '^').count(), text);
  }
}
