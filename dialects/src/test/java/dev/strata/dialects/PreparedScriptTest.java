package dev.strata.dialects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.schema.Replay;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script prepared and then written ({@link Renderer#prepareScript}) is, byte for byte, the text
 * {@link Renderer#renderScript} returns, also when the segments' bodies have moved to a temporary
 * file (a threshold of a few characters here), for every dialect, transaction mode and guard.
 */
class PreparedScriptTest {
  @TempDir Path dir;

  private static final List<String> REVISIONS = List.of(
      "-- revision: 0001_a\n-- revises: base\n-- message: a é\n\n-- +upgrade\n"
          + "CREATE TABLE t (a INTEGER, b TEXT);\n"
          + "INSERT INTO t (a, b) VALUES (1, 'ü ∑ 😀');\n"
          + "\n-- +downgrade\nDROP TABLE t;\n",
      "-- revision: 0002_b\n-- revises: 0001_a\n-- message: b\n\n-- +upgrade\n"
          + "CREATE INDEX t_a ON t (a);\n"
          + "-- +no-transaction\nCREATE TABLE u (x INTEGER);\n"
          + "\n-- +downgrade\nDROP TABLE u;\nDROP INDEX t_a;\n",
      "-- revision: 0003_c\n-- revises: 0002_b\n-- message: c\n\n-- +upgrade\n"
          + "ALTER TABLE t DROP COLUMN b;\n"
          + "\n-- +downgrade\nALTER TABLE t ADD COLUMN b TEXT;\n");

  /** The versions directory of {@link #REVISIONS}, one file each. */
  private Path versions() throws Exception {
    Path versions = Files.createDirectories(dir.resolve("versions"));
    for (int i = 0; i < REVISIONS.size(); i++) {
      Files.writeString(versions.resolve("r" + i + ".sql"), REVISIONS.get(i),
          StandardCharsets.UTF_8);
    }
    return versions;
  }

  @Test
  void writtenScriptIsTheRenderedTextInEveryDialectModeAndGuard() throws Exception {
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(versions()));
    int compared = 0;
    for (Dialect dialect : Dialect.values()) {
      Replay replay = Replay.of(graph, dialect.dialectId());
      for (Direction direction : Direction.values()) {
        String range = direction == Direction.UPGRADE ? "base:head" : "head:base";
        Plan plan = new Planner(graph).plan(direction, Range.parse(direction, range));
        for (TransactionMode mode : TransactionMode.values()) {
          for (boolean guards : new boolean[] {true, false}) {
            ScriptOptions options = GoldenCases.OPTIONS.withTransactionMode(mode)
                .withGuards(guards)
                .withTimeouts(Optional.of("5s"), Optional.empty());
            Renderer renderer = Renderer.forDialect(dialect);
            RenderedScript rendered = renderer.renderScript(plan, options, replay);
            StringWriter written = new StringWriter();
            try (PreparedScript prepared = renderer.prepareScript(plan, options, replay, 8)) {
              assertTrue(prepared.spilled(), "bodies in a file");
              prepared.writeTo(written);
              assertThrows(IllegalStateException.class,
                  () -> prepared.writeTo(new StringWriter()));
              assertEquals(rendered.segments().size(), prepared.segments().size());
            }
            assertEquals(rendered.text(), written.toString(),
                dialect + " " + direction + " " + mode + " guards=" + guards);
            compared++;
          }
        }
      }
    }
    assertEquals(Dialect.values().length * 2 * TransactionMode.values().length * 2, compared);
  }

  @Test
  void compilingAScriptReportsWhatRenderingItReports() throws Exception {
    Path versions = versions();
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(versions));
    for (Dialect dialect : Dialect.values()) {
      Replay replay = Replay.of(graph, dialect.dialectId());
      for (Direction direction : Direction.values()) {
        String range = direction == Direction.UPGRADE ? "base:head" : "head:base";
        Plan plan = new Planner(graph).plan(direction, Range.parse(direction, range));
        Renderer.forDialect(dialect).compileScript(plan, GoldenCases.OPTIONS, replay);
      }
    }
    // SQLite rebuilds a table from the model, which does not know one made by a dialect block
    Files.writeString(versions.resolve("r0.sql"), "-- revision: 0001_a\n-- revises: base\n"
        + "-- message: a\n\n-- +upgrade\n-- +dialect sqlite\nCREATE TABLE t (a INTEGER, b TEXT);\n"
        + "-- +end\n", StandardCharsets.UTF_8);
    Files.writeString(versions.resolve("r2.sql"), "-- revision: 0003_c\n-- revises: 0002_b\n"
        + "-- message: c\n\n-- +upgrade\nALTER TABLE t ALTER COLUMN a SET NOT NULL;\n",
        StandardCharsets.UTF_8);
    RevisionGraph blind = RevisionGraph.build(VersionsLoader.load(versions));
    Plan plan = new Planner(blind).plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE,
        "base:head"));
    Replay replay = Replay.of(blind, Dialect.SQLITE.dialectId());
    Renderer sqlite = Renderer.forDialect(Dialect.SQLITE);
    DiagnosticException rendering = assertThrows(DiagnosticException.class,
        () -> sqlite.renderScript(plan, GoldenCases.OPTIONS, replay));
    DiagnosticException compiling = assertThrows(DiagnosticException.class,
        () -> sqlite.compileScript(plan, GoldenCases.OPTIONS, replay));
    assertEquals("E0451", compiling.diagnostics().getFirst().code());
    assertEquals(rendering.diagnostics(), compiling.diagnostics());
  }

  @Test
  void spillKeepsBodiesInOrderWithTheirLineBreaks() throws Exception {
    try (Spill spill = new Spill(block -> !block.equals("drop"), 4)) {
      spill.begin();
      spill.block("a\nb");
      spill.block("drop");
      spill.block("ü 😀");
      spill.end();
      spill.begin();
      spill.block("drop");
      spill.end();
      spill.begin();
      spill.block("c");
      spill.end();
      assertTrue(spill.inFile());
      assertEquals(3, spill.newlines(0));
      assertTrue(spill.isEmpty(1));
      StringWriter out = new StringWriter();
      spill.write(0, out);
      spill.write(1, out);
      assertThrows(IllegalStateException.class, () -> spill.write(1, new StringWriter()));
      spill.write(2, out);
      assertEquals("a\nb\n\nü 😀c", out.toString());
    }
  }
}
