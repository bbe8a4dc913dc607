package dev.strata.compiler;

import dev.strata.grammar.Span;

/**
 * What one element of a range names, as the user typed it; {@link TargetResolver} turns it into
 * revisions. Relative targets ({@code +2}, {@code head-1}) and branch targets ({@code label@head})
 * will be further alternatives.
 */
sealed interface Target {

  /** {@code base}: no revision (an empty version table). */
  record Base() implements Target {}

  /** {@code head}: the one head of the graph; an error when there are several. */
  record Head() implements Target {}

  /** {@code heads}: every real head (Alembic's {@code _real_heads}). */
  record Heads() implements Target {}

  /** A full revision id or a unique prefix of one (Alembic's partial identifiers). */
  record Revision(String text) implements Target {
    public Revision {
      if (!text.matches("[A-Za-z0-9_]+")) {
        throw new IllegalArgumentException("bad revision text: " + text);
      }
    }
  }

  /** A target and where it was typed in the range. */
  record At(Target target, Span span) {}
}
