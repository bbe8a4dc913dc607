package dev.strata.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deliberately naive model of Alembic's revision walk and version-table bookkeeping, written from
 * the description of {@code RevisionMap} and {@code HeadMaintainer}: full ancestor sets, no
 * shortcuts. The planner must agree with it on every graph; it is slow on purpose.
 */
final class AlembicModel {
  final List<String> fileOrder;
  final Map<String, List<String>> parents = new HashMap<>();
  final Map<String, List<String>> dependencies = new HashMap<>();
  final Map<String, List<String>> normalizedDown = new HashMap<>();

  AlembicModel(
      List<String> fileOrder,
      Map<String, List<String>> parents,
      Map<String, List<String>> dependencies) {
    this.fileOrder = fileOrder;
    this.parents.putAll(parents);
    this.dependencies.putAll(dependencies);
    for (String r : fileOrder) {
      Set<String> deps = new LinkedHashSet<>(dependencies.get(r));
      for (String ancestor : closure(Set.of(r), parents)) {
        if (!ancestor.equals(r)) {
          deps.removeAll(dependencies.get(ancestor));
        }
      }
      Set<String> down = new LinkedHashSet<>(parents.get(r));
      down.addAll(deps);
      normalizedDown.put(r, List.copyOf(down));
    }
  }

  Set<String> closure(Set<String> from, Map<String, List<String>> edges) {
    Set<String> seen = new HashSet<>(from);
    Deque<String> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      for (String next : edges.get(todo.pop())) {
        if (seen.add(next)) {
          todo.push(next);
        }
      }
    }
    return seen;
  }

  Set<String> ancestors(Set<String> of) {
    return closure(of, normalizedDown);
  }

  Set<String> descendants(Set<String> of) {
    Map<String, List<String>> up = new HashMap<>();
    fileOrder.forEach(r -> up.put(r, new ArrayList<>()));
    for (String r : fileOrder) {
      Set<String> all = new LinkedHashSet<>(parents.get(r));
      all.addAll(dependencies.get(r));
      all.forEach(d -> up.get(d).add(r));
    }
    return closure(of, up);
  }

  List<String> realHeads() {
    Set<String> referenced = new HashSet<>();
    fileOrder.forEach(
        r -> {
          referenced.addAll(parents.get(r));
          referenced.addAll(dependencies.get(r));
        });
    return fileOrder.stream().filter(r -> !referenced.contains(r)).toList();
  }

  /** {@code _topological_sort}, with a full ancestor set per pending head. */
  List<String> walk(Set<String> revisions, List<String> startHeads) {
    Set<String> todo = new HashSet<>(revisions);
    List<String> heads =
        new ArrayList<>(
            fileOrder.stream().filter(r -> startHeads.contains(r) && todo.contains(r)).toList());
    List<Set<String>> ancestorsOf = new ArrayList<>();
    heads.forEach(h -> ancestorsOf.add(ancestors(Set.of(h))));
    List<String> output = new ArrayList<>();
    int cursor = 0;
    while (!heads.isEmpty()) {
      String candidate = heads.get(cursor);
      int other = -1;
      for (int j = 0; j < heads.size(); j++) {
        if (j != cursor && ancestorsOf.get(j).contains(candidate)) {
          other = j;
          break;
        }
      }
      if (other >= 0) {
        cursor = other;
        continue;
      }
      if (todo.remove(candidate)) {
        output.add(candidate);
      }
      List<String> add =
          normalizedDown.get(candidate).stream()
              .filter(r -> todo.contains(r) && !heads.contains(r))
              .toList();
      if (add.isEmpty()) {
        heads.remove(cursor);
        ancestorsOf.remove(cursor);
        cursor = Math.max(cursor - 1, 0);
      } else {
        heads.set(cursor, add.get(0));
        ancestorsOf.set(cursor, ancestors(Set.of(add.get(0))));
        for (String more : add.subList(1, add.size())) {
          heads.add(more);
          ancestorsOf.add(ancestors(Set.of(more)));
        }
      }
    }
    if (!todo.isEmpty()) {
      throw new IllegalStateException("model left " + todo);
    }
    return output;
  }

  List<String> upgrade(List<String> current, List<String> targets) {
    Set<String> needs = ancestors(new HashSet<>(targets));
    needs.removeAll(ancestors(new HashSet<>(current)));
    return walk(needs, targets).reversed();
  }

  /** Empty when Alembic would raise "Nothing to drop". */
  Optional<List<String>> downgrade(List<String> current, Optional<String> target) {
    Set<String> roots = new HashSet<>();
    if (target.isEmpty()) {
      fileOrder.stream().filter(r -> parents.get(r).isEmpty()).forEach(roots::add);
    } else {
      fileOrder.stream().filter(r -> parents.get(r).contains(target.get())).forEach(roots::add);
    }
    Set<String> drop = descendants(roots);
    drop.retainAll(ancestors(new HashSet<>(current)));
    if (target.isPresent() && drop.isEmpty() && !current.contains(target.get())) {
      return Optional.empty();
    }
    return Optional.of(walk(drop, current));
  }

  /**
   * The rows after one step, as {@code HeadMaintainer.update_to_step} leaves them; empty when it
   * fails or leaves a redundant row (both only with a parent that is an ancestor of another).
   */
  Optional<Set<String>> step(Set<String> heads, String rev, boolean upgrade) {
    Set<String> rows = new HashSet<>(heads);
    List<String> down = normalizedDown.get(rev);
    Set<String> downInHeads = new HashSet<>(down);
    downInHeads.retainAll(heads);
    if (!upgrade && heads.contains(rev) && (down.isEmpty() || unmergeTo(heads, rev).isEmpty())) {
      rows.remove(rev);
    } else if (upgrade && (down.isEmpty() || downInHeads.isEmpty())) {
      rows.add(rev);
    } else if (upgrade && down.size() > 1 && downInHeads.size() > 1) {
      Set<String> other = new HashSet<>(heads);
      other.removeAll(down);
      Set<String> from = new HashSet<>(down);
      if (!other.isEmpty()) {
        from.removeAll(ancestors(other));
      }
      if (!rows.containsAll(from)) {
        return Optional.empty();
      }
      rows.removeAll(from);
      rows.add(rev);
    } else if (!upgrade && heads.contains(rev) && down.size() > 1) {
      rows.remove(rev);
      rows.addAll(unmergeTo(heads, rev));
    } else {
      String other = down.size() == 1 ? down.get(0) : single(downInHeads);
      if (other == null) {
        return Optional.empty();
      }
      if (upgrade) {
        if (!rows.remove(other)) {
          return Optional.empty();
        }
        rows.add(rev);
      } else {
        if (!rows.remove(rev)) {
          return Optional.empty();
        }
        rows.add(other);
      }
    }
    return redundant(rows) ? Optional.empty() : Optional.of(rows);
  }

  /** Whether a row is an ancestor of another row: a state Alembic reaches only by mistake. */
  boolean redundant(Set<String> rows) {
    for (String row : rows) {
      Set<String> strict = ancestors(Set.of(row));
      strict.remove(row);
      if (strict.stream().anyMatch(rows::contains)) {
        return true;
      }
    }
    return false;
  }

  private Set<String> unmergeTo(Set<String> heads, String rev) {
    Set<String> other = new HashSet<>(heads);
    other.remove(rev);
    Set<String> to = new HashSet<>(normalizedDown.get(rev));
    if (!other.isEmpty()) {
      to.removeAll(ancestors(other));
    } else {
      for (String t : normalizedDown.get(rev)) {
        Set<String> strict = ancestors(Set.of(t));
        strict.remove(t);
        to.removeAll(strict);
      }
    }
    return to;
  }

  private static String single(Set<String> values) {
    return values.size() == 1 ? values.iterator().next() : null;
  }
}
