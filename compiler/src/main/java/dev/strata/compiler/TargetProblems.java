package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import java.util.List;
import java.util.Optional;

/** The diagnostics of target resolution that take more than a line to word (E0308–E0312). */
final class TargetProblems {
  private TargetProblems() {}

  /**
   * An error at {@code span} of the typed range, or with no position when the target was made by
   * strata ({@link Target.At#untyped}): never a position in a range nobody typed.
   */
  static Diagnostic error(
      String code, String message, SourceFile source, Optional<Span> span, String... notes) {
    return span.isPresent()
        ? Diagnostic.error(code, message, source, span.get(), notes)
        : Diagnostic.error(code, message, notes);
  }

  /** E0308: {@code branch@…} where {@code branch} is neither a label nor a revision. */
  static Diagnostic unknownBranch(
      SourceFile source, Span span, String branch, List<String> labels) {
    String known =
        labels.isEmpty()
            ? "note: no revision declares a branch label ('-- branch: LABEL')"
            : "note: the branch labels are " + listed(labels);
    Optional<String> close = Suggestions.closest(branch, labels);
    String[] notes =
        close.isPresent()
            ? new String[] {"help: did you mean '" + close.get() + "'?", known}
            : new String[] {known};
    return Diagnostic.error(
        "E0308",
        "unknown branch '" + branch + "': no branch label or revision has this name",
        source,
        span,
        notes);
  }

  /** E0309: {@code cart@0003} where 0003 is neither an ancestor nor a descendant of cart. */
  static Diagnostic notOnBranch(
      SourceFile source, Span span, String revision, String branch, String branchRevision) {
    return Diagnostic.error(
        "E0309",
        "revision '" + revision + "' is not on branch '" + branch + "'",
        source,
        span,
        "note: branch '"
            + branch
            + "' is revision '"
            + branchRevision
            + "' with its ancestors and descendants; '"
            + revision
            + "' is neither");
  }

  /** E0312: {@code +N} / {@code -N} with no revision, where nothing gives it a start. */
  static Diagnostic noAnchor(SourceFile source, Target.At at, TargetResolver.Context context) {
    String typed = RelativeWalk.typed(source, at.typedSpan());
    String why =
        switch (context) {
          case TargetResolver.Context.From from ->
              "a step without a revision counts from FROM, and this is FROM";
          case TargetResolver.Context.Alone alone ->
              "a step without a revision counts from the start of a range FROM:TO";
          case TargetResolver.Context.To to -> "it counts from FROM";
        };
    int sign = Math.max(typed.lastIndexOf('+'), typed.lastIndexOf('-'));
    String qualifier = typed.substring(0, typed.indexOf('@') + 1);
    String step = typed.substring(sign);
    return Diagnostic.error(
        "E0312",
        "'" + typed + "' has nothing to count from: " + why,
        source,
        at.typedSpan(),
        "help: count from a revision instead, e.g. '"
            + qualifier
            + "head"
            + step
            + "' or 'REVISION"
            + step
            + "'");
  }

  /** E0312: {@code +N} on TO, where FROM (or its part on the branch) has several revisions. */
  static Diagnostic severalStarts(
      SourceFile source, Target.At at, Optional<String> branch, List<String> starts) {
    String typed = RelativeWalk.typed(source, at.typedSpan());
    String step = typed.substring(Math.max(typed.lastIndexOf('+'), typed.lastIndexOf('-')));
    String where = branch.map(b -> " on branch '" + b + "'").orElse("");
    return Diagnostic.error(
        "E0312",
        "'"
            + typed
            + "' is ambiguous: it counts from FROM, which has "
            + starts.size()
            + " revisions"
            + where
            + ": "
            + listed(starts),
        source,
        at.typedSpan(),
        "help: count from one of them, e.g. '" + starts.get(0) + step + "'");
  }

  /** Up to {@link TargetResolver#LISTED} names, then "and N more". */
  static String listed(List<String> names) {
    int shownCount = Math.min(names.size(), TargetResolver.LISTED);
    String shown = String.join(", ", names.subList(0, shownCount));
    return names.size() > TargetResolver.LISTED
        ? shown + " and " + (names.size() - TargetResolver.LISTED) + " more"
        : shown;
  }
}
