package dev.strata.dialects;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a script as its framing assembles it: the header (lines ending with {@code \n}), then
 * blocks separated by one blank line, and a final {@code \n} when there is any block; that is,
 * {@code header + "\n" + String.join("\n\n", blocks) + "\n"}, or the header alone. Counts the line
 * breaks written, so that a framing can tell the line a block starts on ({@link #nextLine}); a
 * counting instance ({@link #counting()}) writes nothing and only counts, for a framing that must
 * know the lines of later blocks before it writes earlier ones.
 */
final class ScriptOut {
  private final Writer out;
  private boolean any;
  private long newlines;

  /** Writes to {@code out}; {@code null} only counts. */
  private ScriptOut(Writer out) {
    this.out = out;
  }

  /** A script written to {@code out}. */
  static ScriptOut to(Writer out) {
    return new ScriptOut(out);
  }

  /** A script that is only counted. */
  static ScriptOut counting() {
    return new ScriptOut(null);
  }

  /** Writes the header, every line ending with {@code \n}. */
  void header(String header) throws IOException {
    write(header);
  }

  /** Writes one block. */
  void block(String block) throws IOException {
    write(any ? "\n\n" : "\n");
    any = true;
    write(block);
  }

  /** Writes {@code blocks} in order. */
  void blocks(List<String> blocks) throws IOException {
    for (String block : blocks) {
      block(block);
    }
  }

  /** Writes body {@code index} of {@code bodies} as its blocks (nothing when it has none). */
  void body(SegmentBodies bodies, int index) throws IOException {
    if (bodies.isEmpty(index)) {
      if (out != null) {
        bodies.write(index, Writer.nullWriter()); // keeps the bodies' order
      }
      return;
    }
    write(any ? "\n\n" : "\n");
    any = true;
    if (out != null) {
      bodies.write(index, out);
    }
    newlines += bodies.newlines(index);
  }

  /** The 1-based line the next block starts on. */
  long nextLine() {
    return newlines + (any ? 2 : 1) + 1;
  }

  /** Ends the script: its final {@code \n} when it has a block. */
  void end() throws IOException {
    if (any) {
      write("\n");
    }
  }

  private void write(String text) throws IOException {
    newlines += Spill.newlines(text);
    if (out != null) {
      out.write(text);
    }
  }
}
