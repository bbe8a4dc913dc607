package dev.strata.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output (and error) as {@link Main} makes them: a UTF-8 {@link PrintWriter} that flushes
 * on {@code println}, and that also takes bytes already encoded in UTF-8 ({@link #bytes()}), so
 * that a result stored encoded ({@link ResultCache}) is copied out without being decoded and
 * encoded again.
 */
final class Utf8Output extends PrintWriter {
  private final OutputStream stream;

  /** A writer over {@code stream}, which it encodes to in UTF-8. */
  Utf8Output(OutputStream stream) {
    super(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), true);
    this.stream = stream;
  }

  /**
   * The stream under this writer, for bytes that are UTF-8 already; flushes what was written as
   * characters first, so that the two stay in order.
   */
  OutputStream bytes() {
    flush();
    return stream;
  }
}
