package dev.strata.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.strata.compiler.Plan;
import dev.strata.compiler.Planner;
import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.DialectId;
import dev.strata.grammar.ast.Direction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * On the sample chain and every versions directory of the dialects' golden corpus, for every
 * dialect: what a bundle reads step by step is what a replay of its own gives. {@link
 * SchemaDiff#between} of the models before and after each revision, and along an upgrade from
 * base (as {@code CHANGES.md} diffs them), lists what {@link SchemaDiff#everyObject} lists; and
 * the models {@link Replay#keptAlong} hands out for each per-step plan of the upgrade and of its
 * inverse are, entry by entry and in order, those of {@link Replay#alongPlan}.
 */
class ReplayAlongCorpusTest {
  @TestFactory
  Stream<DynamicTest> stepDiffsAreTheDiffsOfEveryObject() throws IOException {
    return cases().map(c -> dynamicTest(c.name(), () -> {
      Replay replay = Replay.of(c.graph(), c.dialect());
      Map<String, SchemaModel> models;
      try {
        models = replay.models();
      } catch (DiagnosticException e) {
        return; // a corpus case the dialect refuses: nothing to diff
      }
      for (var file : c.graph().revisions()) {
        for (String parent : c.graph().parents(file.id())) {
          same(models.get(parent), models.get(file.id()), c.name() + " " + file.id());
        }
      }
      Plan upgrade = upgrade(c.graph());
      if (upgrade == null) {
        return;
      }
      List<List<String>> points = new ArrayList<>();
      points.add(upgrade.fromHeads());
      points.addAll(upgrade.headsAfterEachStep());
      List<SchemaModel> along = replay.atEach(points);
      for (int i = 1; i < along.size(); i++) {
        same(along.get(i - 1), along.get(i), c.name() + " step " + i);
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> keptModelsAreTheReplaysModels() throws IOException {
    return cases().map(c -> dynamicTest(c.name(), () -> keptAsAlong(c)));
  }

  /** The sample chain's per-step plans, for each dialect, are compared, none skipped. */
  @Test
  void theSampleChainIsComparedForEveryDialect() throws Exception {
    RevisionGraph graph = RevisionGraph.build(
        VersionsLoader.load(ReplayCorpusTest.ROOT.resolve("versions")));
    for (DialectId dialect : DialectId.values()) {
      assertTrue(keptAsAlong(new Case("versions " + dialect.id(), graph, dialect)),
          dialect.id());
    }
  }

  /**
   * Compares the models kept for the per-step plans of the upgrade from base to every head and of
   * its inverse with the replay's; false when the case has no such plans or the dialect refuses
   * it.
   */
  private static boolean keptAsAlong(Case c) throws DiagnosticException {
    Plan upgrade = upgrade(c.graph());
    if (upgrade == null) {
      return false;
    }
    Plan rollback;
    try {
      rollback = upgrade.inverse(new Planner(c.graph())::downgradeOf);
    } catch (DiagnosticException e) {
      return false; // irreversible
    }
    List<Plan> plans = new ArrayList<>(upgrade.perStep());
    plans.addAll(rollback.perStep());
    Replay replay = Replay.of(c.graph(), c.dialect());
    PlanModels kept;
    try {
      replay.alongPlan(upgrade, (i, m) -> { });
      replay.alongPlan(rollback, (i, m) -> { });
      kept = replay.keptAlong(plans);
    } catch (DiagnosticException e) {
      return false; // a corpus case the dialect refuses
    }
    for (Plan plan : plans) {
      List<List<List<?>>> expected = new ArrayList<>();
      List<List<List<?>>> actual = new ArrayList<>();
      replay.alongPlan(plan, (i, models) -> expected.add(entries(models)));
      kept.alongPlan(plan, (i, models) -> actual.add(entries(models)));
      assertEquals(expected, actual, c.name() + " " + plan.steps().getFirst().id());
    }
    return true;
  }

  private record Case(String name, RevisionGraph graph, DialectId dialect) {}

  private static Stream<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    for (Path dir : ReplayCorpusTest.corpus()) {
      RevisionGraph graph;
      try {
        graph = RevisionGraph.build(VersionsLoader.load(dir));
      } catch (DiagnosticException e) {
        throw new AssertionError(dir + ": " + e.getMessage(), e);
      }
      for (DialectId dialect : DialectId.values()) {
        out.add(new Case(ReplayCorpusTest.ROOT.relativize(dir) + " " + dialect.id(), graph,
            dialect));
      }
    }
    return out.stream();
  }

  /** The upgrade from base to every head, or null when there is none to plan. */
  private static Plan upgrade(RevisionGraph graph) {
    if (graph.heads().isEmpty()) {
      return null;
    }
    try {
      return new Planner(graph).plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE,
          "base:heads"));
    } catch (DiagnosticException e) {
      return null;
    }
  }

  private static void same(SchemaModel before, SchemaModel after, String context) {
    assertEquals(SchemaDiff.everyObject(before, after), SchemaDiff.between(before, after),
        context);
  }

  /** Each model's maps as lists of entries, in order, and its hand edits. */
  private static List<List<?>> entries(List<SchemaModel> models) {
    List<List<?>> out = new ArrayList<>();
    for (SchemaModel m : models) {
      out.add(List.of(List.copyOf(m.schemas().entrySet()), List.copyOf(m.types().entrySet()),
          List.copyOf(m.sequences().entrySet()), List.copyOf(m.tables().entrySet()),
          List.copyOf(m.indexes().entrySet()), List.copyOf(m.views().entrySet()),
          List.copyOf(m.routines().entrySet()), List.copyOf(m.triggers().entrySet()),
          List.copyOf(m.extensions().entrySet()), m.handEdits()));
    }
    return out;
  }
}
