package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script never records a revision as applied, or undone, when the dialect got none of its
 * statements (E0405, E0406), and never downgrades through a revision marked {@code --
 * +irreversible} (E0216); a merge's empty sections and a {@code -- +no-op} downgrade only move the
 * version table.
 */
class StepCheckTest {
  private static final ScriptOptions OPTIONS = GoldenCases.OPTIONS.withGuards(false);
  private static final String BASE =
      "-- revision: 0001_a\n-- revises: base\n-- message: a\n\n-- +upgrade\n"
          + "CREATE TABLE a (id INTEGER);\n\n-- +downgrade\nDROP TABLE a;\n";

  @TempDir Path dir;

  private String refused(Chain chain, Direction direction, String range) {
    return assertThrows(DiagnosticException.class,
        () -> chain.render(direction, range, OPTIONS)).format();
  }

  /** The original report: only another dialect's block was {@code -- skipped} and recorded. */
  @Test
  void anUpgradeWithOnlyAnotherDialectsBlockIsAnErrorForThisDialect() throws Exception {
    Chain chain = new Chain(dir, BASE,
        "-- revision: 0002_b\n-- revises: 0001_a\n-- message: b\n\n-- +upgrade\n"
            + "-- +dialect mysql\nALTER TABLE a ENGINE = InnoDB;\n-- +end\n"
            + "-- +dialect sqlite\nVACUUM;\n-- +end\n\n-- +downgrade\n-- +no-op\n");
    assertEquals(dir.resolve("versions/0002.sql") + ":5:1: error[E0405]: revision '0002_b' has"
            + " no upgrade statement for postgresql: its upgrade holds only '-- +dialect mysql'"
            + " and '-- +dialect sqlite' blocks\n"
            + "  5 | -- +upgrade\n"
            + "    | ^^^^^^^^^^^\n"
            + "  = help: add a '-- +dialect postgresql' block, or write its upgrade statements in"
            + " the neutral subset, which every dialect renders\n",
        refused(chain, Direction.UPGRADE, "base:head"));
  }

  @Test
  void aDowngradeWithOnlyAnotherDialectsBlockIsAnErrorWhenTheUpgradeRenders() throws Exception {
    Chain chain = new Chain(dir, BASE,
        "-- revision: 0002_b\n-- revises: 0001_a\n-- message: b\n\n-- +upgrade\n"
            + "CREATE TABLE b (id INTEGER);\n\n-- +downgrade\n"
            + "-- +dialect mysql\nDROP TABLE b;\n-- +end\n");
    chain.render(Direction.UPGRADE, "base:head", OPTIONS);
    assertEquals(dir.resolve("versions/0002.sql") + ":8:1: error[E0406]: revision '0002_b' has"
            + " no downgrade statement for postgresql, but its upgrade has: its downgrade holds"
            + " only '-- +dialect mysql' blocks\n"
            + "  8 | -- +downgrade\n"
            + "    | ^^^^^^^^^^^^^\n"
            + "  = help: add a '-- +dialect postgresql' block, or write the upgrade's statements"
            + " in the neutral subset, which every dialect renders\n",
        refused(chain, Direction.DOWNGRADE, "head:base"));
  }

  @Test
  void aDowngradeThroughAnIrreversibleRevisionIsRefusedAtTheDirective() throws Exception {
    Chain chain = new Chain(dir, BASE,
        "-- revision: 0002_b\n-- revises: 0001_a\n-- message: b\n\n-- +upgrade\n"
            + "DROP TABLE a;\n\n-- +downgrade\n-- +irreversible\n",
        "-- revision: 0003_c\n-- revises: 0002_b\n-- message: c\n\n-- +upgrade\n"
            + "CREATE TABLE c (id INTEGER);\n\n-- +downgrade\nDROP TABLE c;\n");
    assertTrue(chain.render(Direction.UPGRADE, "base:head", OPTIONS).text().contains("DROP TABLE a;"));
    chain.render(Direction.DOWNGRADE, "0003_c:0002_b", OPTIONS);
    assertEquals(dir.resolve("versions/0002.sql") + ":9:1: error[E0216]: cannot downgrade"
            + " '0002_b': it is marked '-- +irreversible'\n"
            + "  9 | -- +irreversible\n"
            + "    | ^^^^^^^^^^^^^^^^\n"
            + "  = help: end a downgrade at '0002_b' or above it\n",
        refused(chain, Direction.DOWNGRADE, "0003_c:0001_a"));
  }

  @Test
  void aNoOpDowngradeAndAnEmptyMergeOnlyMoveTheVersionTable() throws Exception {
    Chain chain = new Chain(dir, BASE,
        "-- revision: 0002_b\n-- revises: 0001_a\n-- message: b\n\n-- +upgrade\n"
            + "UPDATE a SET id = 1;\n\n-- +downgrade\n-- +no-op\n",
        "-- revision: 0003_c\n-- revises: 0001_a\n-- message: c\n\n-- +upgrade\n"
            + "CREATE TABLE c (id INTEGER);\n\n-- +downgrade\nDROP TABLE c;\n",
        "-- revision: 0004_m\n-- revises: 0002_b, 0003_c\n-- message: merge\n\n-- +upgrade\n\n"
            + "-- +downgrade\n");
    String script = chain.render(Direction.DOWNGRADE, "0004_m:0001_a", OPTIONS).text();
    assertTrue(script.contains("-- Running downgrade 0004_m -> 0002_b, 0003_c, merge\n\n"
        + "INSERT INTO alembic_version (version_num) VALUES ('0003_c');\n\n"
        + "UPDATE alembic_version SET version_num = '0002_b' WHERE"
        + " alembic_version.version_num = '0004_m';\n\n-- Running"), script);
    assertTrue(script.contains("-- Running downgrade 0002_b -> 0001_a, b\n\n"
        + "DELETE FROM alembic_version WHERE alembic_version.version_num = '0002_b';\n\n"), script);
  }
}
