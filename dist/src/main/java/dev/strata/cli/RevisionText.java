package dev.strata.cli;

import java.util.List;

/**
 * Revisions as the read commands print them for people, in the shapes of Alembic's {@code
 * Script.cmd_format} (one line) and {@code Script.log_entry} ({@code --verbose}), so that Alembic
 * users read them without a second thought.
 */
final class RevisionText {
  private RevisionText() {}

  /**
   * One line: {@code [PARENTS [(DEPENDS-ON)] -> ]ID[ (LABELS)][ (head)| (effective head)][
   * (branchpoint)][ (mergepoint)][, MESSAGE]}, where {@code PARENTS} is {@code <base>} for a base;
   * lists are joined with {@code ", "}. The message is left out when empty.
   *
   * @param withParents whether to start with {@code PARENTS -> } ({@code history})
   * @param withTree whether to mark branch and merge points ({@code heads} does not)
   * @param withMessage whether to end with {@code , MESSAGE}
   */
  static String line(
      RevisionFacts revision, boolean withParents, boolean withTree, boolean withMessage) {
    StringBuilder text = new StringBuilder();
    if (withParents) {
      text.append(parents(revision));
      if (!revision.dependsOn().isEmpty()) {
        text.append(" (").append(joined(revision.dependsOn())).append(')');
      }
      text.append(" -> ");
    }
    text.append(revision.id());
    if (!revision.branchLabels().isEmpty()) {
      text.append(" (").append(joined(revision.branchLabels())).append(')');
    }
    text.append(headMark(revision));
    if (withTree) {
      text.append(treeMarks(revision));
    }
    if (withMessage && !revision.message().isEmpty()) {
      text.append(", ").append(revision.message());
    }
    return text.toString();
  }

  /**
   * The block of Alembic's {@code log_entry}: {@code Rev: ID} with its marks, {@code Parent:} (or
   * {@code Merges:} at a merge point), {@code Also depends on:}, {@code Branches into:} (at a branch
   * point), {@code Branch names:}, {@code Path:}, then a blank line and the message indented by four
   * spaces. Lines with nothing to say are left out. Ends with a line break.
   *
   * @param full for {@code show}: {@code Children:} for every revision that has some (instead of
   *     {@code Branches into:}) and {@code SHA-256:} after {@code Path:}
   */
  static String entry(RevisionFacts revision, boolean full) {
    StringBuilder text = new StringBuilder();
    text.append("Rev: ").append(revision.id()).append(headMark(revision)).append(treeMarks(revision));
    text.append('\n');
    text.append(revision.mergePoint() ? "Merges: " : "Parent: ").append(parents(revision));
    text.append('\n');
    field(text, "Also depends on", revision.dependsOn());
    if (full) {
      field(text, "Children", revision.children());
    } else if (revision.branchPoint()) {
      field(text, "Branches into", revision.children());
    }
    field(text, "Branch names", revision.branchLabels());
    text.append("Path: ").append(revision.path()).append('\n');
    if (full) {
      text.append("SHA-256: ").append(revision.sha256()).append('\n');
    }
    if (!revision.message().isEmpty()) {
      text.append("\n    ").append(revision.message()).append('\n');
    }
    return text.toString();
  }

  private static void field(StringBuilder text, String name, List<String> values) {
    if (!values.isEmpty()) {
      text.append(name).append(": ").append(joined(values)).append('\n');
    }
  }

  private static String parents(RevisionFacts revision) {
    return revision.base() ? "<base>" : joined(revision.parents());
  }

  private static String headMark(RevisionFacts revision) {
    if (revision.realHead()) {
      return " (head)";
    }
    return revision.effectiveHead() ? " (effective head)" : "";
  }

  private static String treeMarks(RevisionFacts revision) {
    return (revision.branchPoint() ? " (branchpoint)" : "")
        + (revision.mergePoint() ? " (mergepoint)" : "");
  }

  private static String joined(List<String> values) {
    return String.join(", ", values);
  }
}
