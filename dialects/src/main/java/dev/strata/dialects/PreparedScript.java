package dev.strata.dialects;

import dev.strata.compiler.Plan;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A script whose statements are rendered and cut into segments, not yet written: what {@link
 * Renderer#prepareScript} returns. The segments' bodies wait in memory or, for a long script, in a
 * temporary file that no one else can see ({@link Spill}), so that memory stays flat in the number
 * of revisions; {@link #writeTo} writes the header, the framing and the bodies, the same text as
 * {@link RenderedScript#text()}. {@link #close()} releases the temporary file; a script that is
 * never written leaves nothing behind.
 *
 * <p>Not thread-safe; written at most once.
 */
public final class PreparedScript implements AutoCloseable {
  private final ScriptFraming framing;
  private final Plan plan;
  private final ScriptOptions options;
  private final ScriptKind kind;
  private final List<TransactionFramer.Segment> segments;
  private final Spill bodies;
  private boolean written;

  PreparedScript(ScriptFraming framing, Plan plan, ScriptOptions options, ScriptKind kind,
      List<TransactionFramer.Segment> segments, Spill bodies) {
    this.framing = framing;
    this.plan = plan;
    this.options = options;
    this.kind = kind;
    this.segments = List.copyOf(segments);
    this.bodies = bodies;
  }

  /** The number of segments the script is cut into; 0 when it has no statement. */
  public int segmentCount() {
    return segments.size();
  }

  /**
   * The segments, as {@link RenderedScript#segments()} has them; a script prepared without its
   * statements' summaries ({@link Renderer#prepareScript}) lists none.
   */
  public List<RenderedScript.Segment> segments() {
    return ScriptFraming.described(plan, segments);
  }

  /**
   * Writes the whole script to {@code out} (UTF-16 characters; the caller encodes, UTF-8 for a
   * file), without flushing or closing it.
   *
   * @throws IOException when {@code out} or the temporary file fails
   * @throws IllegalStateException when written already, or closed
   */
  public void writeTo(Writer out) throws IOException {
    if (written) {
      throw new IllegalStateException("a prepared script is written once");
    }
    written = true;
    framing.write(plan, options, segments, bodies, kind, out);
  }

  /** Whether the segments' bodies wait in a temporary file (for tests). */
  boolean spilled() {
    return bodies.inFile();
  }

  /** Releases the segments' bodies (and their temporary file); idempotent. */
  @Override
  public void close() {
    bodies.close();
  }
}
