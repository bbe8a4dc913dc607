package dev.strata.compiler.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.Location;
import dev.strata.grammar.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine: which statements rules see, with which models and transaction flag; the range;
 * revision rules; the order of the findings.
 */
class LinterTest {
  @TempDir Path tmp;

  private RevisionGraph graph(String... idRevisesSql) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("v"));
    for (int i = 0; i < idRevisesSql.length; i += 3) {
      Files.writeString(dir.resolve(idRevisesSql[i] + ".sql"), "-- revision: " + idRevisesSql[i]
          + "\n-- revises: " + idRevisesSql[i + 1] + "\n\n-- +upgrade\n" + idRevisesSql[i + 2]
          + "\n");
    }
    return RevisionGraph.build(VersionsLoader.load(dir));
  }

  /** Every context the engine builds, in order. */
  private static List<StatementContext> seen(RevisionGraph graph, String range, DialectId dialect,
      Linter.Options options) throws Exception {
    List<StatementContext> seen = new ArrayList<>();
    new Linter(List.of(c -> {
      seen.add(c);
      return List.of();
    }), List.of()).lint(graph, range, dialect, options);
    return seen;
  }

  @Test
  void modelsAtTheRevisionStartBeforeAndAfterEachStatement() throws Exception {
    RevisionGraph g = graph("0001_a", "base", "CREATE TABLE a (id BIGINT);",
        "0002_b", "0001_a", "CREATE TABLE b (id BIGINT);\nALTER TABLE a ADD COLUMN x TEXT;");
    List<StatementContext> seen = seen(g, Linter.ALL, DialectId.POSTGRESQL,
        Linter.Options.DEFAULT);
    assertEquals(3, seen.size());
    StatementContext createB = seen.get(1);
    StatementContext alterA = seen.get(2);
    assertEquals("0002_b", alterA.revisionId());
    assertTrue(createB.existedBefore(new ObjectName("public", "a")));
    assertFalse(createB.existedBefore(new ObjectName("public", "b")));
    assertTrue(createB.after().table(new ObjectName("public", "b")).isPresent());
    assertEquals(createB.after(), alterA.before());
    assertFalse(alterA.revisionStart().table(new ObjectName("public", "b")).isPresent());
    assertTrue(alterA.after().table(new ObjectName("public", "a")).orElseThrow()
        .column("x").isPresent());
  }

  @Test
  void otherDialectsStatementsAreNotLinted() throws Exception {
    RevisionGraph g = graph("0001_a", "base", """
        CREATE TABLE a (id BIGINT);
        -- +only mysql
        CREATE INDEX ix_a ON a (id);
        -- +dialect mysql
        SELECT 1;
        -- +end""");
    assertEquals(1, seen(g, Linter.ALL, DialectId.POSTGRESQL, Linter.Options.DEFAULT).size());
    assertEquals(3, seen(g, Linter.ALL, DialectId.MYSQL, Linter.Options.DEFAULT).size());
  }

  @Test
  void inTransactionFollowsTheStatementAndTheMode() throws Exception {
    RevisionGraph g = graph("0001_a", "base", """
        CREATE TABLE a (id BIGINT);
        CREATE INDEX CONCURRENTLY ix_a ON a (id);
        -- +no-transaction
        DROP INDEX ix_a;""");
    List<Boolean> bundle = seen(g, Linter.ALL, DialectId.POSTGRESQL, Linter.Options.DEFAULT)
        .stream().map(StatementContext::inTransaction).toList();
    assertEquals(List.of(true, false, false), bundle);
    List<Boolean> none = seen(g, Linter.ALL, DialectId.POSTGRESQL,
        new Linter.Options(Optional.empty(), false, false))
        .stream().map(StatementContext::inTransaction).toList();
    assertEquals(List.of(false, false, false), none);
  }

  @Test
  void theRangeIsUpgrades() throws Exception {
    RevisionGraph g = graph("0001_a", "base", "CREATE TABLE a (id BIGINT);",
        "0002_b", "0001_a", "CREATE TABLE b (id BIGINT);",
        "0003_c", "0002_b", "CREATE TABLE c (id BIGINT);");
    assertEquals(List.of("0002_b", "0003_c"), seen(g, "0001_a:head", DialectId.POSTGRESQL,
        Linter.Options.DEFAULT).stream().map(StatementContext::revisionId).toList());
    StatementContext b = seen(g, "0001_a:0002_b", DialectId.POSTGRESQL, Linter.Options.DEFAULT)
        .getFirst();
    assertTrue(b.existedBefore(new ObjectName("public", "a")));
  }

  @Test
  void revisionRulesSeeEveryStatementAndTheOptions() throws Exception {
    RevisionGraph g = graph("0001_a", "base", "CREATE TABLE a (id BIGINT);\nDROP TABLE a;");
    List<RevisionContext> seen = new ArrayList<>();
    new Linter(List.of(), List.of(r -> {
      seen.add(r);
      return List.of();
    })).lint(g, Linter.ALL, DialectId.POSTGRESQL, new Linter.Options(Optional.of("5s"), true));
    assertEquals(1, seen.size());
    assertEquals(2, seen.getFirst().upgrade().size());
    assertEquals(Optional.of("5s"), seen.getFirst().lockTimeout());
    assertTrue(seen.getFirst().transactionPerRevision());
  }

  @Test
  void findingsAreInRevisionThenLineThenColumnOrder() throws Exception {
    RevisionGraph g = graph("0001_a", "base", "CREATE TABLE a (id BIGINT);\nCREATE TABLE b (id BIGINT);",
        "0002_b", "0001_a", "CREATE TABLE c (id BIGINT);");
    StatementRule everyStatement = c -> List.of(Finding.of(Rule.DROP_DATA, c.revisionId(),
        c.dialect(), new Location(c.revision().source(), c.statement().span()),
        "s", List.of()));
    RevisionRule atLineOne = r -> List.of(Finding.of(Rule.NO_DOWNGRADE, r.revisionId(),
        r.dialect(), new Location(r.revision().source(), new Span(1, 1, 1)),
        "r", List.of()));
    List<String> order = new Linter(List.of(everyStatement), List.of(atLineOne))
        .lint(g, Linter.ALL, DialectId.POSTGRESQL, Linter.Options.DEFAULT).stream()
        .map(f -> f.revision() + ":" + f.location().span().line()).toList();
    assertEquals(List.of("0001_a:1", "0001_a:5", "0001_a:6", "0002_b:1", "0002_b:5"), order);
  }
}
