package dev.strata.cli;

import dev.strata.grammar.ast.HeaderValue;
import dev.strata.grammar.ast.RevisionFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to join the heads of a revision graph, as {@code check}, {@code new} and {@code merge}
 * advise it. The target {@code heads} names only the heads that no revision depends on (Alembic's
 * {@code _real_heads}, the rows of the version table after upgrading to it); a head that is only a
 * {@code depends-on} target (Alembic's "effective head") is still a head for {@code head}, so
 * {@code strata merge -m MESSAGE heads} would leave it out. The advice then names every head.
 *
 * @param heads the revisions that no revision revises, in file order
 * @param dependents for each head that revisions depend on, those revisions (file order)
 */
record MergeAdvice(List<String> heads, Map<String, List<String>> dependents) {

  MergeAdvice {
    heads = List.copyOf(heads);
    dependents = Map.copyOf(dependents);
    if (!heads.containsAll(dependents.keySet())) {
      throw new IllegalArgumentException("dependents of a revision that is not a head: "
          + dependents.keySet());
    }
  }

  /** The advice for {@code heads} among {@code files} (whose {@code depends-on:} lines count). */
  static MergeAdvice of(List<String> heads, List<RevisionFile> files) {
    Map<String, List<String>> dependents = new LinkedHashMap<>();
    for (RevisionFile file : files) {
      for (HeaderValue dependency : file.header().dependsOn()) {
        if (heads.contains(dependency.text())) {
          dependents.computeIfAbsent(dependency.text(), k -> new ArrayList<>()).add(file.id());
        }
      }
    }
    return new MergeAdvice(heads, dependents);
  }

  /**
   * The command that writes a merge revision of every head: {@code strata merge -m MESSAGE heads}
   * when {@code heads} names them all, else the ids one by one.
   */
  String command() {
    return "strata merge -m MESSAGE " + (dependents.isEmpty() ? "heads" : String.join(" ", heads));
  }

  /**
   * One note per head that {@code heads} leaves out, saying why: {@code note: 'b' is a head only
   * depended on (by e): the target 'heads' leaves it out}.
   */
  List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (String head : heads) {
      List<String> by = dependents.get(head);
      if (by != null) {
        notes.add("note: '" + head + "' is a head that " + String.join(", ", by) + " only depend"
            + (by.size() == 1 ? "s" : "") + " on, so the target 'heads' (the heads the version"
            + " table holds) leaves it out");
      }
    }
    return notes;
  }
}
