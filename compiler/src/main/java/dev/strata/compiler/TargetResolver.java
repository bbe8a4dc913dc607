package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.SourceFile;
import dev.strata.grammar.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

/**
 * Resolves the targets of one side of a range to revisions, as Alembic's {@code
 * RevisionMap.get_revisions} does: exact id first, then a unique prefix among ids longer than three
 * characters; {@code head} must be unique; {@code heads} is every real head.
 */
final class TargetResolver {
  /** How many candidates an ambiguity message lists before "and N more". */
  private static final int LISTED = 10;

  private final RevisionGraph graph;

  TargetResolver(RevisionGraph graph) {
    this.graph = graph;
  }

  /** One resolved revision (by index) and the span of the target that named it. */
  record Resolved(int revision, Span span) {}

  /**
   * The revisions named by {@code targets}, each once (first naming wins), in the order named.
   * Problems (E0302 unknown, E0303 ambiguous prefix, E0304 several heads) are added to {@code
   * problems}.
   */
  List<Resolved> resolve(SourceFile source, List<Target.At> targets, List<Diagnostic> problems) {
    Map<Integer, Resolved> found = new LinkedHashMap<>();
    for (Target.At at : targets) {
      for (int revision : revisions(source, at, problems)) {
        found.putIfAbsent(revision, new Resolved(revision, at.span()));
      }
    }
    return List.copyOf(found.values());
  }

  private List<Integer> revisions(SourceFile source, Target.At at, List<Diagnostic> problems) {
    return switch (at.target()) {
      case Target.Base base -> List.of();
      case Target.Heads heads -> select(i -> graph.downChildrenOf(i).length == 0);
      case Target.Head head -> head(source, at.span(), problems);
      case Target.Revision revision -> revision(source, revision.text(), at.span(), problems);
    };
  }

  private List<Integer> head(SourceFile source, Span span, List<Diagnostic> problems) {
    List<Integer> heads = select(i -> graph.childrenOf(i).length == 0);
    if (heads.size() > 1) {
      problems.add(
          Diagnostic.error(
              "E0304",
              "'head' is ambiguous: there are " + heads.size() + " heads: " + listed(heads),
              source,
              span,
              "help: name one of them, or 'heads' for all heads"));
      return List.of();
    }
    return heads;
  }

  private List<Integer> revision(
      SourceFile source, String text, Span span, List<Diagnostic> problems) {
    int exact = graph.find(text);
    if (exact >= 0) {
      return List.of(exact);
    }
    List<Integer> prefixed =
        select(i -> graph.file(i).id().length() > 3 && graph.file(i).id().startsWith(text));
    if (prefixed.size() == 1) {
      return prefixed;
    }
    if (prefixed.isEmpty()) {
      List<String> ids = graph.revisions().stream().map(f -> f.id()).toList();
      String[] notes =
          Suggestions.closest(text, ids)
              .map(
                  id ->
                      new String[] {
                        "help: did you mean '"
                            + id
                            + "' ("
                            + GraphChecker.where(graph.revision(id).orElseThrow())
                            + ")?"
                      })
              .orElse(new String[0]);
      problems.add(
          Diagnostic.error("E0302", "unknown revision '" + text + "'", source, span, notes));
    } else {
      problems.add(
          Diagnostic.error(
              "E0303",
              "'"
                  + text
                  + "' is ambiguous: "
                  + prefixed.size()
                  + " revisions start with it: "
                  + listed(prefixed),
              source,
              span,
              "help: type more of the id"));
    }
    return List.of();
  }

  private String listed(List<Integer> revisions) {
    String shown =
        revisions.stream()
            .limit(LISTED)
            .map(i -> graph.file(i).id())
            .collect(Collectors.joining(", "));
    return revisions.size() > LISTED
        ? shown + " and " + (revisions.size() - LISTED) + " more"
        : shown;
  }

  private List<Integer> select(IntPredicate keep) {
    List<Integer> result = new ArrayList<>();
    for (int i = 0; i < graph.size(); i++) {
      if (keep.test(i)) {
        result.add(i);
      }
    }
    return result;
  }
}
