package dev.strata.compiler;

/**
 * Where a target lands in the graph: on a revision, or below the bases (an empty version table, or
 * the lineage of a branch not applied at all). Walks move between places.
 */
sealed interface Place {

  /** On the revision with this index (file order). */
  record On(int revision) implements Place {
    public On {
      if (revision < 0) {
        throw new IllegalArgumentException("bad revision index: " + revision);
      }
    }
  }

  /** Below every base: no revision applied. */
  record Below() implements Place {}
}
