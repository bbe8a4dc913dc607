package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import dev.strata.grammar.ast.RevisionFile;
import dev.strata.grammar.ast.Section;
import java.util.List;

/**
 * One revision applied in one direction.
 *
 * @param revision the revision file
 * @param direction upgrade runs its {@code -- +upgrade} section, downgrade its {@code -- +downgrade}
 * @param body the section that runs
 * @param fromRevisions the left side of Alembic's banner {@code -- Running upgrade A, B -> C}: for an
 *     upgrade the parent ids (empty for a base), for a downgrade the revision itself
 * @param toRevisions the right side: for an upgrade the revision, for a downgrade its parent ids
 *     (empty when it is a base)
 * @param versionTableOps the version-table changes that follow the body, in order
 */
public record Step(
    RevisionFile revision,
    Direction direction,
    Section body,
    List<String> fromRevisions,
    List<String> toRevisions,
    List<VersionTableOp> versionTableOps) {

  public Step {
    fromRevisions = List.copyOf(fromRevisions);
    toRevisions = List.copyOf(toRevisions);
    versionTableOps = List.copyOf(versionTableOps);
  }

  /** The revision id. */
  public String id() {
    return revision.id();
  }

  /** The revision's {@code message:}, {@code ""} when it has none. */
  public String message() {
    return revision.header().message();
  }

  /**
   * This step undone: the same revision in the other direction, running its other section, with
   * the banner's sides swapped and the version-table changes that take the rows back to where they
   * were before this step (in the form the planner writes for that direction, {@link RowChange}).
   *
   * @throws DiagnosticException E0306 when this is an upgrade and the revision has no {@code --
   *     +downgrade} section
   */
  public Step inverse() throws DiagnosticException {
    return inverse(file -> file.downgrade().orElseThrow(
        () -> new DiagnosticException(noDowngrade(file))));
  }

  /**
   * Where a downgrade step's body comes from: the revision's {@code -- +downgrade} section, or
   * one derived from the schema model ({@link Planner#downgradeOf}).
   */
  @FunctionalInterface
  public interface Downgrades {
    /**
     * The downgrade body of {@code file}.
     *
     * @throws DiagnosticException when it has none and none can be derived
     */
    Section of(RevisionFile file) throws DiagnosticException;
  }

  /**
   * This step undone, as {@link #inverse()}, the body of a downgrade taken from {@code
   * downgrades}.
   *
   * @throws DiagnosticException what {@code downgrades} throws
   */
  public Step inverse(Downgrades downgrades) throws DiagnosticException {
    RowChange change = RowChange.of(direction, id(), versionTableOps);
    return switch (direction) {
      case UPGRADE -> {
        Section down = downgrades.of(revision);
        yield new Step(revision, Direction.DOWNGRADE, down, toRevisions, fromRevisions,
            change.ops(Direction.DOWNGRADE));
      }
      case DOWNGRADE -> new Step(revision, Direction.UPGRADE, revision.upgrade(), toRevisions,
          fromRevisions, change.ops(Direction.UPGRADE));
    };
  }

  /** E0306: a downgrade needs {@code file}'s {@code -- +downgrade} section, and it has none. */
  static Diagnostic noDowngrade(RevisionFile file) {
    return Diagnostic.error(
        "E0306",
        "revision '" + file.id() + "' has no '-- +downgrade' section",
        file.source(),
        file.header().revision().span(),
        "help: add a '-- +downgrade' section that undoes its upgrade, or stop the downgrade above"
            + " it");
  }
}
