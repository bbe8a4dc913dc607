package dev.strata.dialects.lint;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.lint.StatementContext;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One statement of strata's language after a setup revision, parsed from real revision files, with
 * the {@link StatementContext} lint gives it (the schema model replayed for PostgreSQL).
 */
record LockCase(String sql, StatementContext context) {
  /** Writes {@code setup} as revision 0001 and {@code sql} as 0002 under {@code dir}, and replays. */
  static LockCase of(Path dir, String setup, String sql, boolean inTransaction) throws Exception {
    RevisionGraph graph = write(dir, setup, sql);
    RevisionFile revision = graph.revision("0002_case").orElseThrow();
    Statement statement = revision.upgrade().statements().get(0);
    List<SchemaModel> models = Replay.of(graph, DialectId.POSTGRESQL).during("0002_case");
    return new LockCase(sql, new StatementContext(revision, statement, true,
        DialectId.POSTGRESQL, models.get(0), models.get(0), models.get(1), inTransaction));
  }

  /** The setup revision, parsed. */
  static RevisionFile setup(Path dir, String setup) throws Exception {
    return write(dir, setup, "SELECT 1").revision("0001_setup").orElseThrow();
  }

  private static RevisionGraph write(Path dir, String setup, String sql) throws Exception {
    Path versions = Files.createDirectories(dir.resolve("versions"));
    Files.writeString(versions.resolve("0001_setup.sql"),
        "-- revision: 0001_setup\n-- revises: base\n-- message: setup\n\n-- +upgrade\n" + setup
            + "\n-- +downgrade\n-- +irreversible\n", StandardCharsets.UTF_8);
    Files.writeString(versions.resolve("0002_case.sql"),
        "-- revision: 0002_case\n-- revises: 0001_setup\n-- message: case\n\n-- +upgrade\n" + sql
            + ";\n\n-- +downgrade\n-- +irreversible\n", StandardCharsets.UTF_8);
    return RevisionGraph.build(VersionsLoader.load(versions));
  }
}
