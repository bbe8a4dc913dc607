package dev.strata.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the first lines of a file as it streams past (it is an {@link OutputStream} that the
 * verifier copies each file's bytes to while hashing them), in bounded memory: each line, split at
 * {@code \n} with a trailing {@code \r} kept, is decoded as UTF-8 and given to {@link #line} until
 * that returns false; then the rest of the file is ignored. A line longer than {@link #MAX_LINE}
 * bytes is given cut there, and is the last: no line strata reads is that long, and scanning on
 * through a huge line would cost time for nothing.
 */
abstract class LineScanner extends OutputStream {
  /** The longest line kept (64 KiB): longer ones are cut. */
  static final int MAX_LINE = 64 * 1024;

  private final ByteArrayOutputStream current = new ByteArrayOutputStream();
  private boolean done;
  private boolean open;

  /** One line, without its {@code \n}; returns whether to go on. */
  abstract boolean line(String line);

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length && !done; i++) {
      if (bytes[i] == '\n') {
        flushLine();
      } else {
        open = true;
        current.write(bytes[i]);
        if (current.size() == MAX_LINE) {
          flushLine();
          done = true;
        }
      }
    }
  }

  /** Ends the file: its last line, when it has no {@code \n}. */
  @Override
  public void close() {
    if (!done && open) {
      flushLine();
    }
  }

  private void flushLine() {
    String text = current.toString(StandardCharsets.UTF_8);
    current.reset();
    open = false;
    done = !line(text);
  }
}
