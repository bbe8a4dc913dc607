package dev.strata.compiler;

import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.Location;
import dev.strata.grammar.ast.HeaderValue;
import dev.strata.grammar.ast.RevisionFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks that make a list of revision files a graph: unique ids (E0201), known parents (E0202)
 * and dependencies (E0203), no cycle (E0204), unique branch labels (E0205), no dependency that is
 * also a parent (E0206). Every problem is reported, in file order, cycles last.
 */
final class GraphChecker {
  private final List<RevisionFile> files;
  private final Map<String, RevisionFile> byId = new LinkedHashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  private GraphChecker(List<RevisionFile> files) {
    this.files = files;
  }

  /**
   * Checks {@code files} (in file order).
   *
   * @return the files with unique ids, in file order
   * @throws DiagnosticException with every E0201-E0206 found
   */
  static List<RevisionFile> check(List<RevisionFile> files) throws DiagnosticException {
    GraphChecker checker = new GraphChecker(files);
    checker.indexIds();
    for (RevisionFile file : files) {
      checker.checkReferences(file);
    }
    checker.checkBranchLabels();
    checker.checkCycles();
    if (!checker.diagnostics.isEmpty()) {
      throw new DiagnosticException(checker.diagnostics);
    }
    return List.copyOf(checker.byId.values());
  }

  /** Where a revision is defined, as notes print it: {@code path:line:col}. */
  static String where(RevisionFile file) {
    return new Location(file.source(), file.header().revision().span()).describe();
  }

  private void indexIds() {
    for (RevisionFile file : files) {
      RevisionFile first = byId.putIfAbsent(file.id(), file);
      if (first != null) {
        diagnostics.add(
            Diagnostic.error(
                "E0201",
                "duplicate revision id '" + file.id() + "'",
                file.source(),
                file.header().revision().span(),
                "note: first defined at " + where(first)));
      }
    }
  }

  private void checkReferences(RevisionFile file) {
    for (HeaderValue parent : file.header().revises()) {
      if (!byId.containsKey(parent.text())) {
        diagnostics.add(unknown("E0202", "unknown parent revision '", file, parent));
      }
    }
    for (HeaderValue dependency : file.header().dependsOn()) {
      if (!byId.containsKey(dependency.text())) {
        diagnostics.add(unknown("E0203", "unknown depends-on revision '", file, dependency));
      } else if (file.header().revises().stream()
          .anyMatch(p -> p.text().equals(dependency.text()))) {
        diagnostics.add(
            Diagnostic.error(
                "E0206",
                "'" + file.id() + "' both revises and depends on '" + dependency.text() + "'",
                file.source(),
                dependency.span(),
                "help: remove it from depends-on: a parent is always applied first"));
      }
    }
  }

  private Diagnostic unknown(String code, String message, RevisionFile file, HeaderValue value) {
    // never the revision itself: revising or depending on itself is a cycle (E0204)
    Optional<String> close = Suggestions.closest(value.text(), byId.keySet().stream()
        .filter(id -> !id.equals(file.id())).toList());
    String[] notes =
        close
            .map(
                id ->
                    new String[] {"help: did you mean '" + id + "' (" + where(byId.get(id)) + ")?"})
            .orElse(new String[0]);
    return Diagnostic.error(code, message + value.text() + "'", file.source(), value.span(), notes);
  }

  private void checkBranchLabels() {
    Map<String, RevisionFile> labelOwner = new HashMap<>();
    Map<String, HeaderValue> labelValue = new HashMap<>();
    for (RevisionFile file : files) {
      for (HeaderValue label : file.header().branchLabels()) {
        RevisionFile asId = byId.get(label.text());
        RevisionFile owner = labelOwner.get(label.text());
        if (asId != null) {
          diagnostics.add(
              Diagnostic.error(
                  "E0205",
                  "branch label '" + label.text() + "' is already a revision id",
                  file.source(),
                  label.span(),
                  "note: revision '" + label.text() + "' is defined at " + where(asId)));
        } else if (owner != null) {
          Location first = new Location(owner.source(), labelValue.get(label.text()).span());
          diagnostics.add(
              Diagnostic.error(
                  "E0205",
                  "branch label '"
                      + label.text()
                      + "' is already used by revision '"
                      + owner.id()
                      + "'",
                  file.source(),
                  label.span(),
                  "note: first used at " + first.describe()));
        } else {
          labelOwner.put(label.text(), file);
          labelValue.put(label.text(), label);
        }
      }
    }
  }

  /**
   * Finds cycles through {@code revises} and {@code depends-on}: the revisions that Kahn's
   * algorithm cannot order all have an unordered parent, so following the first such parent from
   * each of them (in file order) must come back to a revision of the same walk: that loop is one
   * cycle, reported once.
   */
  private void checkCycles() {
    List<RevisionFile> unique = List.copyOf(byId.values());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < unique.size(); i++) {
      index.put(unique.get(i).id(), i);
    }
    boolean[] ordered = orderable(unique, index);
    int[] walkOf = new int[unique.size()];
    for (int start = 0; start < unique.size(); start++) {
      if (ordered[start] || walkOf[start] != 0) {
        continue;
      }
      List<Integer> path = new ArrayList<>();
      int at = start;
      while (walkOf[at] == 0) {
        walkOf[at] = start + 1;
        path.add(at);
        at = firstUnorderedParent(unique.get(at), index, ordered);
      }
      if (walkOf[at] == start + 1) {
        reportCycle(unique, index, path.subList(path.indexOf(at), path.size()));
      }
    }
  }

  private static boolean[] orderable(List<RevisionFile> unique, Map<String, Integer> index) {
    int n = unique.size();
    int[] waiting = new int[n];
    List<List<Integer>> dependents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      dependents.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (HeaderValue edge : edges(unique.get(i), index)) {
        waiting[i]++;
        dependents.get(index.get(edge.text())).add(i);
      }
    }
    boolean[] ordered = new boolean[n];
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    while (!ready.isEmpty()) {
      int done = ready.poll();
      ordered[done] = true;
      for (int dependent : dependents.get(done)) {
        if (--waiting[dependent] == 0) {
          ready.add(dependent);
        }
      }
    }
    return ordered;
  }

  private static int firstUnorderedParent(
      RevisionFile file, Map<String, Integer> index, boolean[] ordered) {
    for (HeaderValue edge : edges(file, index)) {
      int parent = index.get(edge.text());
      if (!ordered[parent]) {
        return parent;
      }
    }
    throw new IllegalStateException("an unordered revision has no unordered parent: " + file.id());
  }

  private void reportCycle(
      List<RevisionFile> unique, Map<String, Integer> index, List<Integer> cycle) {
    // start the listing at the member that comes first in file order
    int first = cycle.indexOf(cycle.stream().min(Integer::compare).orElseThrow());
    List<String> names = new ArrayList<>();
    for (int k = 0; k <= cycle.size(); k++) {
      names.add(unique.get(cycle.get((first + k) % cycle.size())).id());
    }
    RevisionFile member = unique.get(cycle.get(first));
    String next = names.get(1);
    HeaderValue link =
        edges(member, index).stream().filter(e -> e.text().equals(next)).findFirst().orElseThrow();
    diagnostics.add(
        Diagnostic.error(
            "E0204",
            "cycle in the revision graph: " + String.join(" -> ", names),
            member.source(),
            link.span(),
            "note: 'a -> b' means a revises or depends on b; one of these links must go"));
  }

  /**
   * The known parents of a revision for ordering: {@code revises} then {@code depends-on} (unknown
   * ones are reported on their own and left out here).
   */
  private static List<HeaderValue> edges(RevisionFile file, Map<String, Integer> index) {
    List<HeaderValue> all = new ArrayList<>(file.header().revises());
    all.addAll(file.header().dependsOn());
    all.removeIf(edge -> !index.containsKey(edge.text()));
    return all;
  }
}
