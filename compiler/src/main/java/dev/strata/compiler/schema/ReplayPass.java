package dev.strata.compiler.schema;

import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.Diagnostic;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.RevisionFile;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one pass of a {@link Replay} ({@link Replay#run}): the revisions it applies
 * ({@code need}, by graph-order index), the models it keeps after some of them ({@code
 * snapshots}) and the diagnostics of its checks, in the order they were found.
 */
final class ReplayPass implements RecursiveMerge.Kept {
  final BitSet need;
  final Map<Integer, ModelState> snapshots = new HashMap<>();
  final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<RevisionFile> order;
  private final RecursiveMerge merges;

  /**
   * A pass over {@code need} of {@code graph}'s revisions, {@code order} being the revisions in
   * graph order, {@code before} each one's parents and {@code position} each one's index there.
   */
  ReplayPass(BitSet need, RevisionGraph graph, List<List<Integer>> before,
      Map<String, Integer> position, List<RevisionFile> order) {
    this.need = need;
    this.order = order;
    this.merges = new RecursiveMerge(graph, before, position, this, diagnostics);
  }

  @Override
  public boolean has(int k) {
    return snapshots.containsKey(k);
  }

  @Override
  public ModelState state(int k) {
    ModelState state = snapshots.get(k);
    if (state == null) {
      throw new IllegalStateException("no snapshot of " + order.get(k).id());
    }
    return state;
  }

  /** Throws the errors the pass found, if any. */
  void throwOnErrors() throws DiagnosticException {
    Replay.throwErrors(diagnostics);
  }

  /** The model of a database at {@code heads}: one head's, or their merge (no checks). */
  ModelState merged(BitSet heads) {
    List<Integer> list = heads.stream().boxed().toList();
    if (list.size() == 1) {
      return state(list.getFirst());
    }
    return merge(list, null);
  }

  /**
   * The union of the models after {@code parents}, merged by {@link RecursiveMerge}; with
   * {@code merge}, conflicts are reported at it.
   */
  ModelState merge(List<Integer> parents, RevisionFile merge) {
    return merges.merge(parents, merge);
  }
}
