package dev.strata.compiler;

import dev.strata.grammar.RevisionId;
import dev.strata.grammar.Span;
import java.util.Optional;

/**
 * What one element of a range names, as the user typed it; {@link TargetSyntax} parses it and
 * {@link TargetResolver} turns it into revisions. The grammar is Alembic's revision identifier
 * grammar ({@code alembic/script/revision.py}, {@code _relative_destination}): an optional {@code
 * BRANCH@} qualifier, then {@code base}, {@code head}, {@code heads}, an id, a prefix or a branch
 * label, then an optional relative step {@code +N} / {@code -N}.
 *
 * <p>A {@code branch} qualifier is a branch label or a revision id (or unique prefix) standing for
 * the branch that holds it, as in Alembic ({@code ae10@head}). {@link Exact} is never typed: it is
 * how strata names a revision it knows by id (a version-table row, a parent).
 */
public sealed interface Target {

  /** {@code base}, {@code cart@base}: no revision; a downgrade to it drops the whole lineage. */
  record Base(Optional<String> branch) implements Target {
    public Base {
      branch.ifPresent(Target::checkWord);
    }
  }

  /** {@code head}, {@code cart@head}: the one head of the graph (of the branch), or E0304. */
  record Head(Optional<String> branch) implements Target {
    public Head {
      branch.ifPresent(Target::checkWord);
    }
  }

  /**
   * {@code heads}: every real head (Alembic's {@code _real_heads}); {@code cart@heads}: every head
   * of the branch.
   */
  record Heads(Optional<String> branch) implements Target {
    public Heads {
      branch.ifPresent(Target::checkWord);
    }
  }

  /**
   * A full revision id, a branch label (an alias for its own revision) or a unique id prefix;
   * {@code cart@0003}: the same, which must be on the branch.
   */
  record Revision(Optional<String> branch, String text) implements Target {
    public Revision {
      branch.ifPresent(Target::checkWord);
      checkWord(text);
    }
  }

  /**
   * Exactly the revision {@code id}: never a label or a prefix, never branch-qualified. strata
   * makes it from ids it read (a database's version-table rows, a revision's parents); E0302 when
   * the graph has no such revision.
   */
  record Exact(RevisionId id) implements Target {
    public Exact {
      java.util.Objects.requireNonNull(id, "id");
    }
  }

  /**
   * {@code +N} / {@code -N} / {@code cart@-N} without a revision: counts from the revisions of the
   * other side of the range (Alembic counts from the database's current heads). Only ever the
   * anchor of a {@link Relative}.
   */
  record Current(Optional<String> branch) implements Target {
    public Current {
      branch.ifPresent(Target::checkWord);
    }
  }

  /**
   * {@code anchor+delta} (up through children) or {@code anchor-delta} (down through parents):
   * {@code head-2}, {@code 0004+1}, {@code cart@head-1}, {@code -1}. {@code delta} is never 0.
   */
  record Relative(Target anchor, int delta) implements Target {
    public Relative {
      if (delta == 0 || anchor instanceof Relative || anchor instanceof Heads) {
        throw new IllegalArgumentException("bad relative target: " + anchor + " " + delta);
      }
    }
  }

  /**
   * A target and where it was typed in the range (the whole element, qualifier included), or no
   * span when strata made it. Only whole places and exact ids are made untyped: {@link Base},
   * {@link Head} and {@link Heads} without a branch, and {@link Exact}; the rest is only ever
   * typed, so their diagnostics always have a position.
   */
  record At(Target target, Optional<Span> span) {
    public At {
      java.util.Objects.requireNonNull(target, "target");
      if (span.isEmpty()) {
        boolean whole =
            switch (target) {
              case Base base -> base.branch().isEmpty();
              case Head head -> head.branch().isEmpty();
              case Heads heads -> heads.branch().isEmpty();
              case Exact exact -> true;
              case Revision revision -> false;
              case Current current -> false;
              case Relative relative -> false;
            };
        if (!whole) {
          throw new IllegalArgumentException("only typed, with a position: " + target);
        }
      }
    }

    /** {@code target} typed at {@code span}. */
    public At(Target target, Span span) {
      this(target, Optional.of(span));
    }

    /** {@code target} made by strata, not typed. */
    public static At untyped(Target target) {
      return new At(target, Optional.empty());
    }

    /** The span of a target that is only ever typed (see above). */
    Span typedSpan() {
      return span.orElseThrow(() -> new IllegalStateException("untyped " + target));
    }
  }

  private static void checkWord(String text) {
    if (!RevisionId.isWord(text)) {
      throw new IllegalArgumentException("bad revision text: " + text);
    }
  }
}
