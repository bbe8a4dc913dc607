package dev.strata.compiler.schema;

import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.DiagnosticException;
import java.util.Collection;
import java.util.Objects;

/**
 * Replays a revision graph's upgrade sections into {@link SchemaModel}s, offline.
 *
 * <p>PLACEHOLDER: the replay itself is being written (issue 9); until it lands, {@link #at}
 * answers only for base. The signatures are the contract other code is written against.
 */
public final class Replay {
  private final RevisionGraph graph;

  private Replay(RevisionGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
  }

  /** A replay of {@code graph}'s revisions. */
  public static Replay of(RevisionGraph graph) {
    return new Replay(graph);
  }

  /** The graph this replays. */
  public RevisionGraph graph() {
    return graph;
  }

  /**
   * The schema of a database whose version table holds {@code heads}: every revision in {@code
   * heads} and all their ancestors applied, in graph order (a merge sees the union of its
   * parents); {@link SchemaModel#empty()} for no heads (base).
   *
   * @throws DiagnosticException when a revision on the way cannot be replayed (E06xx, with the
   *     position of the offending name)
   */
  public SchemaModel at(Collection<String> heads) throws DiagnosticException {
    if (heads.isEmpty()) {
      return SchemaModel.empty();
    }
    throw new UnsupportedOperationException("replay is not written yet");
  }
}
