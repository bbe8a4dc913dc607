package dev.strata.dialects;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The bodies of a script's segments (their blocks joined by a blank line, as the script prints
 * them), kept while the script is rendered and before its framing is written: a framing's header
 * and guard name facts of every segment (how many there are, the rows after each, the line each
 * starts on), so they can only be written once every segment is rendered.
 *
 * <p>Bodies are kept in memory up to {@value #MEMORY_CHARS} characters, then in a temporary file
 * (UTF-8) that is unlinked as soon as it is opened (so that nothing is left behind, even by a
 * process killed outright) and is gone once {@link #close() closed}: memory stays flat in the
 * number of revisions. Bodies are written in order, one at a time ({@link #begin}, {@link #block},
 * {@link #end}), and read back in the same order, each once ({@link SegmentBodies#write}).
 *
 * <p>Not thread-safe.
 */
final class Spill implements SegmentBodies, Closeable {
  /** The characters kept in memory before the bodies move to a temporary file. */
  static final int MEMORY_CHARS = 1 << 22;

  private final Predicate<String> keeps;
  private final int memoryChars;
  private StringBuilder memory = new StringBuilder();
  private FileChannel file;
  private Writer fileOut;
  private Reader fileIn;
  // per body: its length in characters, its line breaks, its blocks
  private final List<long[]> bodies = new ArrayList<>();
  private long[] open;
  private int nextRead;
  private long memoryRead;

  /** A spill that keeps the blocks {@code keeps} accepts and drops the others. */
  Spill(Predicate<String> keeps) {
    this(keeps, MEMORY_CHARS);
  }

  /** As {@link #Spill(Predicate)}, moving to a file beyond {@code memoryChars} characters. */
  Spill(Predicate<String> keeps, int memoryChars) {
    this.keeps = keeps;
    this.memoryChars = memoryChars;
  }

  /** Starts the next body. */
  void begin() {
    if (open != null) {
      throw new IllegalStateException("a body is open");
    }
    open = new long[] {0, 0, 0};
  }

  /** Appends {@code block} to the open body, unless the spill drops it. */
  void block(String block) {
    if (!keeps.test(block)) {
      return;
    }
    if (open[2] > 0) {
      append("\n\n");
      open[0] += 2;
      open[1] += 2;
    }
    append(block);
    open[0] += block.length();
    open[1] += newlines(block);
    open[2]++;
  }

  /** Ends the open body. */
  void end() {
    bodies.add(open);
    open = null;
  }

  private void append(String text) {
    try {
      if (fileOut != null) {
        fileOut.write(text);
        return;
      }
      memory.append(text);
      if (memory.length() > memoryChars) {
        file = UnlinkedFile.open("strata-script-", ".spill");
        fileOut = new BufferedWriter(Channels.newWriter(file, StandardCharsets.UTF_8), 1 << 16);
        fileOut.append(memory);
        memory = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the script's segments in a temporary file", e);
    }
  }

  @Override
  public boolean isEmpty(int index) {
    return bodies.get(index)[2] == 0;
  }

  @Override
  public long newlines(int index) {
    return bodies.get(index)[1];
  }

  @Override
  public void write(int index, Writer out) throws IOException {
    if (index != nextRead) {
      throw new IllegalStateException("bodies are read in order: " + index + ", not " + nextRead);
    }
    nextRead++;
    long length = bodies.get(index)[0];
    if (memory != null) {
      out.append(memory, (int) memoryRead, (int) (memoryRead + length));
      memoryRead += length;
      return;
    }
    if (fileIn == null) {
      fileOut.flush();
      file.position(0);
      fileIn = new BufferedReader(Channels.newReader(file, StandardCharsets.UTF_8), 1 << 16);
    }
    char[] buffer = new char[8192];
    while (length > 0) {
      int n = fileIn.read(buffer, 0, (int) Math.min(buffer.length, length));
      if (n < 0) {
        throw new IOException("the script's temporary file ended early");
      }
      out.write(buffer, 0, n);
      length -= n;
    }
  }

  /** Whether the bodies have moved to a temporary file. */
  boolean inFile() {
    return file != null;
  }

  /** Releases the memory and the temporary file; idempotent. */
  @Override
  public void close() {
    memory = null;
    UnlinkedFile.release(file);
    file = null;
  }

  /** The number of {@code \n} in {@code text}. */
  static long newlines(String text) {
    long n = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      n++;
    }
    return n;
  }
}
