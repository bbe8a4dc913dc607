package dev.strata.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.TodoMark;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -- +todo TEXT}: parses anywhere in a section, and is an E0155 for every compile. */
class TodoDirectiveTest {
  private static final String FILE = """
      -- revision: 1a2b
      -- revises: base
      -- message: add users

      -- +upgrade
      CREATE TABLE users (id INT PRIMARY KEY);
        -- +todo alembic/versions/1a2b_add_users.py:22:5: op.get_bind() reads the database
      --   conn = op.get_bind()
      ALTER TABLE users ADD COLUMN name TEXT;

      -- +downgrade
      -- +TODO alembic/versions/1a2b_add_users.py:30:5: a 'for' loop is Python logic
      --   for t in tables:
      --       op.drop_table(t)
      """;

  @Test
  void placeholdersParseAndAreKeptInOrder() throws DiagnosticException {
    RevisionFile file = new RevisionFileParser().parse(new SourceFile("versions/1a2b.sql", FILE));
    assertEquals(2, file.upgrade().statements().size());
    assertEquals(List.of(
        new TodoMark(Direction.UPGRADE,
            "alembic/versions/1a2b_add_users.py:22:5: op.get_bind() reads the database",
            new Span(7, 3, 8)),
        new TodoMark(Direction.DOWNGRADE,
            "alembic/versions/1a2b_add_users.py:30:5: a 'for' loop is Python logic",
            new Span(12, 1, 8))), file.todos());
  }

  @Test
  void everyPlaceholderIsAnError() throws DiagnosticException {
    RevisionFile file = new RevisionFileParser().parse(new SourceFile("versions/1a2b.sql", FILE));
    assertEquals("""
        versions/1a2b.sql:7:3: error[E0155]: placeholder left by 'strata import alembic': \
        alembic/versions/1a2b_add_users.py:22:5: op.get_bind() reads the database
          7 |   -- +todo alembic/versions/1a2b_add_users.py:22:5: op.get_bind() reads the database
            |   ^^^^^^^^
          = help: write the SQL that does what the original Python did (quoted below the \
        directive), then delete the '-- +todo' line
        versions/1a2b.sql:12:1: error[E0155]: placeholder left by 'strata import alembic': \
        alembic/versions/1a2b_add_users.py:30:5: a 'for' loop is Python logic
          12 | -- +TODO alembic/versions/1a2b_add_users.py:30:5: a 'for' loop is Python logic
             | ^^^^^^^^
          = help: write the SQL that does what the original Python did (quoted below the \
        directive), then delete the '-- +todo' line
        """, DiagnosticException.format(TodoMarks.problems(file)));
    assertEquals(true, TodoMarks.any(file, Direction.DOWNGRADE));
  }

  @Test
  void aFileWithoutPlaceholdersHasNone() throws DiagnosticException {
    RevisionFile file = new RevisionFileParser().parse(new SourceFile("versions/a.sql",
        "-- revision: a\n-- revises: base\n-- +upgrade\nCREATE TABLE t (id INT);\n"));
    assertEquals(List.of(), TodoMarks.problems(file));
  }

  @Test
  void placeholderOutsideASectionIsRefused() {
    DiagnosticException e = org.junit.jupiter.api.Assertions.assertThrows(
        DiagnosticException.class, () -> new RevisionFileParser().parse(new SourceFile(
            "versions/a.sql", "-- revision: a\n-- revises: base\n-- +todo x\n-- +upgrade\n")));
    assertEquals("E0114", e.diagnostics().getFirst().code());
  }
}
