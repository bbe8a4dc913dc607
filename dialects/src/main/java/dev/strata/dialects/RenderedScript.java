package dev.strata.dialects;

import java.util.List;

/**
 * A rendered script and how it is cut into segments, for the people who run it (a bundle's
 * {@code APPLY.md} lists the segments and what a failure in each leaves).
 *
 * @param text the whole script, exactly as {@link Renderer#render} returns it
 * @param segments in order, numbered from 1; a script always has at least one
 */
public record RenderedScript(String text, List<Segment> segments) {
  public RenderedScript {
    segments = List.copyOf(segments);
  }

  /**
   * One segment: a transaction (or, for {@link TransactionMode#NONE}, one revision's statements)
   * or a run of statements that must run outside any transaction.
   *
   * @param number 1-based position in the script
   * @param transactional whether the segment runs inside one transaction (a failure undoes it)
   * @param revisions the ids of the revisions with statements or version-table changes in it
   * @param statements the first line of each statement in it, in order, for people to read
   * @param headsAfter the version-table rows once the segment has completed, sorted
   */
  public record Segment(
      int number,
      boolean transactional,
      List<String> revisions,
      List<String> statements,
      List<String> headsAfter) {
    public Segment {
      revisions = List.copyOf(revisions);
      statements = List.copyOf(statements);
      headsAfter = List.copyOf(headsAfter);
    }
  }
}
