package dev.strata.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Lines of text written to a {@link Writer} in pieces of about {@value #PENDING} characters, for
 * a document that grows with the number of revisions ({@code APPLY.md}): never held whole, and it
 * still knows whether it ends with a blank line. A failure of the writer is an {@link
 * UncheckedIOException}, so that the code that composes the lines need not declare it.
 */
final class LineSink {
  /** The characters held before they are written out. */
  private static final int PENDING = 1 << 13;

  private final Writer out;
  private final StringBuilder text = new StringBuilder();
  /** The last two characters written to {@link #out}. */
  private final char[] tail = new char[2];

  /** Lines written to {@code out}, which is neither flushed nor closed. */
  LineSink(Writer out) {
    this.out = out;
  }

  /** Appends {@code line} and a {@code \n}. */
  void line(String line) {
    text.append(line).append('\n');
    if (text.length() >= PENDING) {
      flush();
    }
  }

  /** Whether the text so far ends with {@code \n\n}. */
  boolean endsWithBlankLine() {
    int n = text.length();
    char last = n >= 1 ? text.charAt(n - 1) : tail[1];
    char before = n >= 2 ? text.charAt(n - 2) : n == 1 ? tail[1] : tail[0];
    return last == '\n' && before == '\n';
  }

  /** Writes the text held so far to the writer. */
  void flush() {
    int n = text.length();
    if (n == 0) {
      return;
    }
    tail[0] = n >= 2 ? text.charAt(n - 2) : tail[1];
    tail[1] = text.charAt(n - 1);
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    text.setLength(0);
  }
}
