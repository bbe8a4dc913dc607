package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.TodoMarks;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import java.util.List;
import java.util.Optional;

/**
 * What a revision's {@code -- +downgrade} section must say, so that a rollback is never silently
 * less than the inverse of the upgrade (see {@code docs/language.md}). A downgrade section without
 * statements under an upgrade with statements is an error unless it states why ({@code -- +no-op}:
 * nothing to undo; {@code -- +irreversible}: cannot be undone). A revision without a downgrade
 * section can be upgraded but not downgraded nor bundled; {@code strata check} reports it.
 */
public final class DowngradeRules {
  private static final String CHOICES = "'-- +no-op' (nothing to undo) or '-- +irreversible'"
      + " (cannot be undone)";

  private DowngradeRules() {}

  /**
   * The problems that make {@code file} invalid for every command: E0214 when its downgrade section
   * is empty and unmarked while its upgrade has statements, at the {@code -- +downgrade} line. A
   * merge revision with both sections empty is fine, and so is a downgrade section that holds a
   * {@code -- +todo} placeholder (E0155 already refuses it, and the placeholder says what is
   * missing).
   */
  public static List<Diagnostic> problems(RevisionFile file) {
    Optional<Section> downgrade = file.downgrade();
    if (downgrade.isEmpty() || file.upgrade().statements().isEmpty()
        || TodoMarks.any(file, Direction.DOWNGRADE)
        || !downgrade.get().statements().isEmpty() || downgrade.get().mark().isPresent()) {
      return List.of();
    }
    return List.of(Diagnostic.error("E0214",
        "the '-- +downgrade' section of '" + file.id() + "' is empty, but its upgrade is not",
        file.source(), downgrade.get().span(),
        "help: write the statements that undo the upgrade, or state why there are none: "
            + CHOICES + " on a line of its own in the section"));
  }

  /**
   * E0215 when {@code file} has no {@code -- +downgrade} section (at its id): it cannot be
   * downgraded nor bundled, since a bundle always carries its rollback.
   */
  public static Optional<Diagnostic> missing(RevisionFile file) {
    if (file.downgrade().isPresent()) {
      return Optional.empty();
    }
    return Optional.of(Diagnostic.error("E0215",
        "revision '" + file.id() + "' has no '-- +downgrade' section: it cannot be downgraded"
            + " nor bundled",
        file.source(), file.header().revision().span(),
        "help: add a '-- +downgrade' section with the statements that undo the upgrade, or with "
            + CHOICES));
  }
}
