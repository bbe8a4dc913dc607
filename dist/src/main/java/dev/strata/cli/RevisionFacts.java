package dev.strata.cli;

import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.Step;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.HeaderValue;
import dev.strata.grammar.ast.RevisionFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the read commands report about one revision, in Alembic's terms ({@code Script}'s {@code
 * is_head}, {@code _is_real_head}, {@code is_branch_point}, {@code is_merge_point}).
 *
 * @param id the revision id
 * @param parents its {@code revises:} ids as written (empty for a base)
 * @param children the revisions that revise it, in file order
 * @param dependsOn its {@code depends-on:} ids as written
 * @param branchLabels its {@code branch:} labels as written
 * @param message its {@code message:} ({@code ""} when absent)
 * @param path the file, as the loader reports it ({@code versions/0001_x.sql})
 * @param sha256 lowercase hex SHA-256 of the file's bytes as read
 * @param head no revision revises it (Alembic's {@code is_head}; includes effective heads)
 * @param realHead a head that no revision depends on either (Alembic's {@code _is_real_head})
 * @param branchPoint two or more revisions revise it
 * @param mergePoint it revises two or more revisions
 */
record RevisionFacts(
    String id,
    List<String> parents,
    List<String> children,
    List<String> dependsOn,
    List<String> branchLabels,
    String message,
    String path,
    String sha256,
    boolean head,
    boolean realHead,
    boolean branchPoint,
    boolean mergePoint) {

  RevisionFacts {
    parents = List.copyOf(parents);
    children = List.copyOf(children);
    dependsOn = List.copyOf(dependsOn);
    branchLabels = List.copyOf(branchLabels);
    if (realHead && !head) {
      throw new IllegalArgumentException("a real head is a head: " + id);
    }
  }

  /** It revises nothing ({@code revises: base}). */
  boolean base() {
    return parents.isEmpty();
  }

  /** A head that another revision depends on: Alembic's "effective head". */
  boolean effectiveHead() {
    return head && !realHead;
  }

  /** The facts of every revision of {@code graph}, by id lookup. */
  static final class Index {
    private final RevisionGraph graph;
    private final Set<String> realHeads;

    Index(RevisionGraph graph) {
      this.graph = graph;
      this.realHeads = new HashSet<>(graph.realHeads());
    }

    /** The facts of revision {@code id}, which must be in the graph. */
    RevisionFacts of(String id) {
      RevisionFile file = graph.revision(id).orElseThrow();
      List<String> children = graph.children(id);
      List<String> parents = graph.parents(id);
      return new RevisionFacts(
          id,
          parents,
          children,
          graph.dependencies(id),
          file.header().branchLabels().stream().map(HeaderValue::text).toList(),
          file.header().message(),
          file.source().path(),
          file.source().sha256(),
          children.isEmpty(),
          realHeads.contains(id),
          children.size() >= 2,
          parents.size() >= 2);
    }

    /** The facts of {@code ids}, in that order. */
    List<RevisionFacts> of(List<String> ids) {
      return ids.stream().map(this::of).toList();
    }

    /**
     * The revisions that {@code strata upgrade RANGE} would run, newest first: the upgrade plan
     * reversed, which is Alembic's {@code walk_revisions} order (heads down to base).
     *
     * @throws DiagnosticException the planner's range diagnostics (E03xx, E0305 in the words of a
     *     listing: {@link Compilation#listing}), pointing into {@code <range>}
     */
    List<RevisionFacts> newestFirst(Range range) throws DiagnosticException {
      List<String> ids = new ArrayList<>();
      for (Step step : Compilation.of(graph).listing(range).steps()) {
        ids.add(step.id());
      }
      Collections.reverse(ids);
      return of(ids);
    }
  }
}
