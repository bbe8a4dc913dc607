package dev.strata.dialects;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Predicate;

/**
 * The bodies of a script's segments, as a framing writes them: each the segment's blocks (those
 * its framing keeps) joined by a blank line. Held in memory ({@link #of}) or spilled while the
 * script is rendered ({@link Spill}).
 */
interface SegmentBodies {
  /** Whether body {@code index} (0-based) has no block. */
  boolean isEmpty(int index);

  /** The number of {@code \n} in body {@code index}. */
  long newlines(int index);

  /**
   * Writes body {@code index} to {@code out}; each body is written once, in order.
   *
   * @throws IOException when {@code out} or a temporary file fails
   */
  void write(int index, Writer out) throws IOException;

  /** The bodies of {@code segments}, whose blocks are in memory, keeping those {@code keeps} does. */
  static SegmentBodies of(List<TransactionFramer.Segment> segments, Predicate<String> keeps) {
    Spill spill = new Spill(keeps, Integer.MAX_VALUE);
    for (TransactionFramer.Segment segment : segments) {
      spill.begin();
      segment.blocks().forEach(spill::block);
      spill.end();
    }
    return spill;
  }
}
