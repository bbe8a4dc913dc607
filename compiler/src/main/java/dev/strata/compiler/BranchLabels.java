package dev.strata.compiler;

import dev.strata.grammar.ast.HeaderValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Branch labels and lineages of a {@link RevisionGraph}, through {@code revises:} links only
 * (Alembic's {@code include_dependencies=False}).
 *
 * <ul>
 *   <li>A label names the revision that declares it ({@code branch:}), Alembic's "a label is also
 *       an alias for its own revision".
 *   <li>The <em>lineage</em> of a revision is the revision, its ancestors and its descendants:
 *       what Alembic's {@code _shares_lineage} tests, and what {@code cart@head}, {@code
 *       cart@base}, {@code cart@0003} and walks qualified by {@code cart@} are confined to.
 *   <li>The <em>members</em> of a label (Alembic's {@code Revision.branch_labels} after {@code
 *       _add_branches}): its revision, all its descendants, and its ancestors down to, not
 *       including, the preceding branch point or merge point.
 * </ul>
 */
final class BranchLabels {
  private final RevisionGraph graph;

  /** Label to the index of the revision declaring it, in file order. */
  private final Map<String, Integer> declared = new LinkedHashMap<>();

  private List<Set<String>> members;

  BranchLabels(RevisionGraph graph) {
    this.graph = graph;
    for (int i = 0; i < graph.size(); i++) {
      for (HeaderValue label : graph.file(i).header().branchLabels()) {
        declared.put(label.text(), i);
      }
    }
  }

  /** Every label, in file order of the revisions declaring them. */
  List<String> labels() {
    return List.copyOf(declared.keySet());
  }

  /** The revision that declares {@code label}. */
  OptionalInt revisionOf(String label) {
    Integer i = declared.get(label);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** {@code revision}, its ancestors and its descendants, through {@code revises:} links. */
  BitSet lineage(int revision) {
    BitSet result = closure(revision, true);
    result.or(closure(revision, false));
    return result;
  }

  /** The labels that apply to {@code revision}, in file order of their declarations. */
  List<String> membersOf(int revision) {
    if (members == null) {
      members = computeMembers();
    }
    return List.copyOf(members.get(revision));
  }

  private List<Set<String>> computeMembers() {
    List<Set<String>> result = new ArrayList<>(graph.size());
    for (int i = 0; i < graph.size(); i++) {
      result.add(new LinkedHashSet<>());
    }
    declared.forEach(
        (label, revision) -> {
          closure(revision, false).stream().forEach(i -> result.get(i).add(label));
          int below = revision;
          while (graph.downChildrenOf(below).length < 2 && graph.parentsOf(below).length < 2) {
            result.get(below).add(label);
            if (graph.parentsOf(below).length == 0) {
              break;
            }
            below = graph.parentsOf(below)[0];
          }
        });
    return result;
  }

  /** {@code start} and what it reaches through parents ({@code down}) or children. */
  private BitSet closure(int start, boolean down) {
    BitSet found = new BitSet(graph.size());
    Deque<Integer> todo = new ArrayDeque<>(List.of(start));
    found.set(start);
    while (!todo.isEmpty()) {
      int at = todo.pop();
      for (int next : down ? graph.parentsOf(at) : graph.childrenOf(at)) {
        if (!found.get(next)) {
          found.set(next);
          todo.push(next);
        }
      }
    }
    return found;
  }
}
