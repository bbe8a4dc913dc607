package dev.strata.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.RevisionId;
import dev.strata.grammar.ast.Direction;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ranges are typed: parsed once from what the user typed, or built by strata from targets. */
class RangeTest {
  private static final Target BASE = new Target.Base(Optional.empty());

  private static Target exact(String id) {
    return new Target.Exact(new RevisionId(id));
  }

  @Test
  void aRangeMadeOfTargetsPlansAsTheSameRangeTyped() throws Exception {
    RevisionGraph graph = PlannerOrderTest.diamond();
    Planner planner = new Planner(graph);
    assertEquals(
        planner.plan(Direction.UPGRADE, Range.parse(Direction.UPGRADE, "2222bbbb,3333cccc:head")),
        planner.plan(Direction.UPGRADE, Range.of(
            List.of(exact("2222bbbb"), exact("3333cccc")),
            List.of(new Target.Head(Optional.empty())))));
    assertEquals(
        planner.plan(Direction.DOWNGRADE, Range.parse(Direction.DOWNGRADE, "heads:base")),
        planner.plan(Direction.DOWNGRADE,
            Range.of(List.of(new Target.Heads(Optional.empty())), List.of(BASE))));
  }

  @Test
  void aDiagnosticAboutATargetStrataMadeHasNoPosition() throws Exception {
    Planner planner = new Planner(PlannerOrderTest.diamond());
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> planner.plan(Direction.UPGRADE,
            Range.of(List.of(exact("4444dddd")), List.of(exact("2222bbbb")))));
    Diagnostic only = e.diagnostics().get(0);
    assertEquals("E0305", only.code());
    assertTrue(only.location().isEmpty(), only.format());
    assertTrue(only.format().startsWith("strata: error[E0305]: cannot upgrade from '4444dddd'"),
        only.format());
  }

  @Test
  void fromKeepsPositionsInTheTextTypedAndNoMore() throws Exception {
    Planner planner = new Planner(PlannerOrderTest.diamond());
    Range range =
        Range.parse(Direction.UPGRADE, "4444dddx").startingAt(List.of(exact("1111aaaa")));
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> planner.plan(Direction.UPGRADE, range));
    String printed = e.diagnostics().get(0).format();
    assertTrue(printed.startsWith("<range>:1:1: error[E0302]: unknown revision '4444dddx'"),
        printed);
    assertTrue(printed.contains("1 | 4444dddx\n"), printed);
    assertThrows(IllegalArgumentException.class, () -> range.startingAt(List.of(BASE)));
  }

  @Test
  void onlyWholePlacesAndExactIdsAreUntyped() {
    assertThrows(IllegalArgumentException.class,
        () -> Target.At.untyped(new Target.Revision(Optional.empty(), "2222")));
    assertThrows(IllegalArgumentException.class,
        () -> Target.At.untyped(new Target.Head(Optional.of("cart"))));
    assertThrows(IllegalArgumentException.class, () -> Target.At.untyped(
        new Target.Relative(new Target.Head(Optional.empty()), -1)));
    assertThrows(IllegalArgumentException.class,
        () -> new Planner(PlannerOrderTest.diamond()).plan(Direction.DOWNGRADE,
            Range.parse(Direction.UPGRADE, "head")));
  }

  @Test
  void targetsAloneAreNotARange() {
    DiagnosticException e =
        assertThrows(DiagnosticException.class, () -> Range.targets("base:head"));
    assertEquals("E0301", e.diagnostics().get(0).code());
  }
}
