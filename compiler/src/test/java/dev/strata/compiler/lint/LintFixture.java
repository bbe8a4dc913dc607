package dev.strata.compiler.lint;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.schema.Replay;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Contexts built the way the lint engine builds them, without it: the revisions are written to a
 * directory, loaded and replayed for a dialect ({@link Replay#during}), and each upgrade statement
 * of the last revision that runs on the dialect gets its {@link StatementContext}.
 */
final class LintFixture {
  private LintFixture() {}

  /**
   * The contexts of the last of {@code files} (each a whole revision file's text, named by its
   * {@code -- revision:} line), replayed for {@code dialect}.
   */
  static RevisionContext revision(Path dir, DialectId dialect, String... files) throws Exception {
    Files.createDirectories(dir);
    String last = null;
    for (String text : files) {
      String id = text.lines().filter(l -> l.startsWith("-- revision:")).findFirst().orElseThrow()
          .substring("-- revision:".length()).strip();
      Files.writeString(dir.resolve(id + ".sql"), text);
      last = id;
    }
    RevisionGraph graph = RevisionGraph.build(VersionsLoader.load(dir));
    RevisionFile file = graph.revisions().stream().filter(r -> r.id().equals(
        files[files.length - 1].lines().filter(l -> l.startsWith("-- revision:")).findFirst()
            .orElseThrow().substring("-- revision:".length()).strip())).findFirst().orElseThrow();
    List<SchemaModel> models = Replay.of(graph, dialect).during(file.id());
    List<StatementContext> contexts = new ArrayList<>();
    List<Statement> statements = file.upgrade().statements();
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      if (!s.runsOn(dialect.id())) {
        continue;
      }
      contexts.add(new StatementContext(file, s, true, dialect, models.getFirst(), models.get(i),
          models.get(i + 1), !s.outsideTransaction()));
    }
    return new RevisionContext(file, dialect, contexts, Optional.empty(), false);
  }

  /** Every finding of {@code rule} over the upgrade statements of {@code context}. */
  static List<Finding> run(StatementRule rule, RevisionContext context) {
    List<Finding> out = new ArrayList<>();
    for (StatementContext s : context.upgrade()) {
      out.addAll(rule.check(s));
    }
    return out;
  }

  /** A revision file: header, then the upgrade section, then {@code rest} verbatim. */
  static String file(String id, String revises, String upgrade, String rest) {
    return "-- revision: " + id + "\n-- revises: " + revises + "\n\n-- +upgrade\n" + upgrade
        + (upgrade.endsWith("\n") ? "" : "\n") + rest;
  }

  /** {@code path:line:col} of a finding, then its message. */
  static String line(Finding f) {
    return f.location().span().line() + ":" + f.location().span().column() + "+"
        + f.location().span().length() + " " + f.rule().id() + ": " + f.message();
  }
}
