package dev.strata.compiler;

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
}
