package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite diagnostics the golden corpus does not show: E0451 (a change that needs the schema
 * model's definition of an object the model does not know) and E0452 (script options SQLite cannot
 * honour), with their text and position.
 */
class SqliteDiagnosticsTest {
  @TempDir Path dir;

  private static final String BLIND_TABLE =
      "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
          + "-- +dialect sqlite\nCREATE TABLE t (a INTEGER);\n-- +end\n";

  private String errors(String range, ScriptOptions options, String... revisions)
      throws Exception {
    Chain chain = new Chain(dir.resolve("c" + (++chains)), revisions);
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> chain.render(Dialect.SQLITE, Direction.UPGRADE, range, options));
    return e.diagnostics().stream().map(d -> d.format()).collect(Collectors.joining());
  }

  private int chains;

  @Test
  void aRebuildOfATableTheModelDoesNotKnowIsRefused() throws Exception {
    String text = errors("base:head", GoldenCases.OPTIONS, BLIND_TABLE,
        "-- revision: 0002_u\n-- revises: 0001_t\n-- message: u\n\n-- +upgrade\n"
            + "ALTER TABLE t ALTER COLUMN a SET NOT NULL;\n");
    assertEquals(dir.resolve("c1/versions/0002.sql") + ":6:1: error[E0451]: ALTER TABLE cannot"
        + " be rendered for sqlite: the schema model does not know table t\n"
        + "  6 | ALTER TABLE t ALTER COLUMN a SET NOT NULL;\n"
        + "    | ^^^^^\n"
        + "  = note: SQLite makes this change by rebuilding the table from its definition; an"
        + " object made by a '-- +dialect' block is not in the model\n"
        + "  = help: write the change for sqlite between '-- +dialect sqlite' and '-- +end' lines\n",
        text);
  }

  @Test
  void aStatementTimeoutAndAVersionTableSchemaAreRefused() throws Exception {
    String text = errors("base:head", GoldenCases.OPTIONS
            .withTimeouts(Optional.empty(), Optional.of("15min")),
        "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
            + "CREATE TABLE t (a INTEGER);\n");
    assertEquals("strata: error[E0452]: a statement timeout cannot be set in a sqlite script: SQLite has"
        + " none\n"
        + "  = note: sqlite3 can only limit how long a statement waits for a lock"
        + " (--lock-timeout, written as .timeout)\n"
        + "  = help: drop --statement-timeout\n", text);
    String schema = errors("base:head", new ScriptOptions("alembic_version",
            Optional.of("meta"), "test"),
        "-- revision: 0001_t\n-- revises: base\n-- message: t\n\n-- +upgrade\n"
            + "CREATE TABLE t (a INTEGER);\n");
    assertEquals("strata: error[E0452]: the version table cannot be in a schema in a sqlite script:"
        + " SQLite has no schemas\n"
        + "  = help: drop --version-table-schema\n", schema);
  }
}
