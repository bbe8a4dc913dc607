package dev.strata.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planner against {@link AlembicModel} on random graphs (merges, several bases, depends-on,
 * file order unrelated to graph order): same steps in the same order, same rows after every step.
 */
class AlembicAgreementTest {

  private int plans;
  private int cutShort;

  @Test
  void randomGraphsAgreeWithTheModel() throws Exception {
    for (int seed = 0; seed < 1500; seed++) {
      check(seed);
    }
    // the row comparison stops where Alembic itself goes wrong; that must stay rare
    assertTrue(
        plans > 10_000 && cutShort * 20 < plans, plans + " plans, " + cutShort + " cut short");
  }

  private void check(int seed) throws Exception {
    Random random = new Random(seed);
    int n = 2 + random.nextInt(11);
    Map<String, List<String>> parents = new HashMap<>();
    Map<String, List<String>> dependencies = new HashMap<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "n" + i;
      List<String> ps = new ArrayList<>();
      List<String> ds = new ArrayList<>();
      if (i > 0 && random.nextDouble() < 0.85) {
        ps.add(ids.get(random.nextInt(i)));
        String second = ids.get(random.nextInt(i));
        if (random.nextDouble() < 0.3 && !ps.contains(second)) {
          ps.add(second);
        }
      }
      if (i > 0 && random.nextDouble() < 0.25) {
        String dep = ids.get(random.nextInt(i));
        if (!ps.contains(dep)) {
          ds.add(dep);
        }
      }
      ids.add(id);
      parents.put(id, ps);
      dependencies.put(id, ds);
    }
    List<String> fileOrder = new ArrayList<>(ids);
    Collections.shuffle(fileOrder, random);
    Rev[] revs =
        fileOrder.stream()
            .map(
                id ->
                    Rev.rev(id)
                        .revises(parents.get(id).toArray(String[]::new))
                        .dependsOn(dependencies.get(id).toArray(String[]::new)))
            .toArray(Rev[]::new);
    RevisionGraph graph = Rev.graph(revs);
    AlembicModel model = new AlembicModel(fileOrder, parents, dependencies);
    String context = "seed " + seed + ", files " + describe(fileOrder, parents, dependencies);
    List<String> heads = model.realHeads();
    assertEquals(heads, graph.realHeads(), context);

    compare(
        graph,
        model,
        Direction.UPGRADE,
        "heads",
        List.of(),
        model.upgrade(List.of(), heads),
        context);
    compare(
        graph,
        model,
        Direction.DOWNGRADE,
        "heads:base",
        heads,
        model.downgrade(heads, Optional.empty()).orElseThrow(),
        context);
    String all = String.join(",", heads);
    for (String x : fileOrder) {
      compare(
          graph,
          model,
          Direction.UPGRADE,
          x + ":heads",
          List.of(x),
          model.upgrade(List.of(x), heads),
          context);
      Optional<List<String>> down = model.downgrade(heads, Optional.of(x));
      if (down.isPresent()) {
        compare(graph, model, Direction.DOWNGRADE, all + ":" + x, heads, down.get(), context);
      } else {
        DiagnosticException e =
            assertThrows(
                DiagnosticException.class,
                () -> new Planner(graph).plan(
                    Direction.DOWNGRADE, Range.parse(Direction.DOWNGRADE, all + ":" + x)),
                context);
        assertEquals("E0305", e.diagnostics().get(0).code(), context);
      }
    }
  }

  private void compare(
      RevisionGraph graph,
      AlembicModel model,
      Direction direction,
      String range,
      List<String> start,
      List<String> expected,
      String context)
      throws Exception {
    String where = context + ", " + direction.word() + " " + range;
    Plan plan =
        Plans.checked(graph, new Planner(graph).plan(direction, Range.parse(direction, range)));
    plans++;
    assertEquals(expected, Plans.order(plan), where);
    Set<String> modelRows = new HashSet<>(start);
    Set<String> rows = new HashSet<>(start);
    for (Step step : plan.steps()) {
      Optional<Set<String>> next = model.step(modelRows, step.id(), direction == Direction.UPGRADE);
      if (next.isEmpty()) {
        cutShort++; // Alembic itself fails here (a redundant parent row); nothing to agree with
        return;
      }
      modelRows = next.get();
      for (VersionTableOp op : step.versionTableOps()) {
        switch (op) {
          case VersionTableOp.InsertHead insert -> rows.add(insert.revision());
          case VersionTableOp.UpdateHead update -> {
            rows.remove(update.from());
            rows.add(update.to());
          }
          case VersionTableOp.DeleteHead delete -> rows.remove(delete.revision());
        }
      }
      assertEquals(modelRows, rows, where + ", rows after " + step.id());
    }
  }

  private static String describe(
      List<String> fileOrder,
      Map<String, List<String>> parents,
      Map<String, List<String>> dependencies) {
    List<String> parts = new ArrayList<>();
    for (String id : fileOrder) {
      parts.add(
          id
              + "<"
              + parents.get(id)
              + (dependencies.get(id).isEmpty() ? "" : "+" + dependencies.get(id)));
    }
    return String.join(" ", parts);
  }
}
