package dev.strata.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: plans as plain strings, and the parent-edge check every order must pass. */
final class Plans {
  private Plans() {}

  static Plan upgrade(RevisionGraph graph, String range) throws DiagnosticException {
    return checked(graph, plan(graph, Direction.UPGRADE, range));
  }

  static Plan downgrade(RevisionGraph graph, String range) throws DiagnosticException {
    return checked(graph, plan(graph, Direction.DOWNGRADE, range));
  }

  /** The formatted diagnostics of a plan that must fail. */
  static String error(RevisionGraph graph, Direction direction, String range) {
    return assertThrows(DiagnosticException.class, () -> plan(graph, direction, range))
        .format();
  }

  static List<String> order(Plan plan) {
    return plan.steps().stream().map(Step::id).toList();
  }

  /** Every version-table op of the plan, in order: {@code INSERT a}, {@code UPDATE a -> b}, ... */
  static List<String> ops(Plan plan) {
    List<String> all = new ArrayList<>();
    for (Step step : plan.steps()) {
      for (VersionTableOp op : step.versionTableOps()) {
        all.add(
            switch (op) {
              case VersionTableOp.InsertHead insert -> "INSERT " + insert.revision();
              case VersionTableOp.UpdateHead update ->
                  "UPDATE " + update.from() + " -> " + update.to();
              case VersionTableOp.DeleteHead delete -> "DELETE " + delete.revision();
            });
      }
    }
    return all;
  }

  /**
   * Checks what every plan must satisfy: upgrades run parents and dependencies before their
   * children, downgrades the other way round; and replaying the ops from {@code fromHeads} gives
   * {@code toHeads}.
   */
  static Plan checked(RevisionGraph graph, Plan plan) {
    Map<String, Integer> position = new HashMap<>();
    List<String> order = order(plan);
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i), i);
    }
    for (String id : order) {
      List<String> below = new ArrayList<>(graph.parents(id));
      below.addAll(graph.dependencies(id));
      for (String parent : below) {
        Integer p = position.get(parent);
        if (p != null) {
          boolean ok =
              plan.direction() == Direction.UPGRADE ? p < position.get(id) : p > position.get(id);
          assertTrue(
              ok, () -> plan.direction().word() + " runs " + id + " and " + parent + " out of order");
        }
      }
    }
    List<String> rows = new ArrayList<>(plan.fromHeads());
    for (Step step : plan.steps()) {
      for (VersionTableOp op : step.versionTableOps()) {
        switch (op) {
          case VersionTableOp.InsertHead insert -> {
            assertTrue(!rows.contains(insert.revision()), () -> "duplicate row " + insert);
            rows.add(insert.revision());
          }
          case VersionTableOp.UpdateHead update -> {
            assertTrue(rows.remove(update.from()), () -> "no row for " + update);
            assertTrue(!rows.contains(update.to()), () -> "duplicate row " + update);
            rows.add(update.to());
          }
          case VersionTableOp.DeleteHead delete ->
              assertTrue(rows.remove(delete.revision()), () -> "no row for " + delete);
        }
      }
    }
    assertEquals(plan.toHeads(), rows.stream().sorted().toList(), "rows after replay");
    return plan;
  }

  /** {@code range} as the user would type it, planned over {@code graph}. */
  static Plan plan(RevisionGraph graph, Direction direction, String range)
      throws DiagnosticException {
    return new Planner(graph).plan(direction, Range.parse(direction, range));
  }
}
