package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import dev.strata.testkit.ClientRun;
import dev.strata.testkit.SqliteDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DEFAULT} as a value: SQLite has it in neither {@code VALUES} (a syntax error, run with the
 * real {@code sqlite3}) nor {@code UPDATE ... SET}, where jOOQ wrote {@code NULL} and the row lost
 * its default silently. Both are refused (E0450) before any script is written.
 */
class SqliteDefaultKeywordTest {
  @TempDir Path dir;
  private int chains;

  @Test
  void defaultAsAValueIsRefusedInValuesAndInSet() throws Exception {
    try (SqliteDatabase database = SqliteDatabase.create("sqlite_default")) {
      ClientRun server = Sqlite3.run(database,
          "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER DEFAULT 7);"
              + " INSERT INTO t (id, a) VALUES (1, DEFAULT);");
      assertTrue(server.stderr().contains("syntax error"), server.describe());
    }
    for (String statement : List.of(
        "INSERT INTO t (id, a) VALUES (1, 2), (2, DEFAULT);",
        "UPDATE t SET a = DEFAULT WHERE id = 1;",
        "UPDATE t SET (id, a) = (1, DEFAULT) WHERE id = 1;")) {
      Chain chain = new Chain(dir.resolve("c" + (++chains)),
          "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
              + "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER DEFAULT 7);\n"
              + statement + "\n");
      DiagnosticException e = assertThrows(DiagnosticException.class, () -> chain.render(
          Dialect.SQLITE, Direction.UPGRADE, "base:head", GoldenCases.OPTIONS));
      String text = e.diagnostics().getFirst().format();
      assertTrue(text.contains("error[E0450]: ") && text.contains("DEFAULT")
          && text.contains("cannot be rendered for sqlite: SQLite has no DEFAULT there"), text);
    }
  }
}
