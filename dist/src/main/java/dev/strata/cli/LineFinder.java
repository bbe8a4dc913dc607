package dev.strata.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A writer that passes text through and notes, for each of its prefixes, the 1-based number of
 * the first line that starts with it, as {@link String#lines()} cuts the text into lines ({@code
 * \n}, {@code \r} or {@code \r\n} end a line): what {@code APPLY.md} needs of a script that is
 * written as it is rendered and never held whole ({@link ApplyGuide}). Keeps the start of one line
 * at a time, as long as the longest prefix; a line costs one lookup per distinct prefix length
 * (a script's segment markers are many, of few lengths).
 */
final class LineFinder extends FilterWriter {
  private final List<String> prefixes;
  /** The prefixes by length: a line is looked up once per length, however many there are. */
  private final Map<Integer, Set<String>> byLength = new TreeMap<>();
  private final int longest;
  private final StringBuilder start = new StringBuilder();
  private final Map<String, Long> found = new TreeMap<>();
  private long line = 1;
  private boolean afterCr;
  private boolean inLine;

  /** Passes text to {@code out}, looking for lines that start with each of {@code prefixes}. */
  LineFinder(Writer out, List<String> prefixes) {
    super(out);
    this.prefixes = List.copyOf(prefixes);
    this.prefixes.forEach(p -> byLength.computeIfAbsent(p.length(), n -> new HashSet<>()).add(p));
    this.longest = this.prefixes.stream().mapToInt(String::length).max().orElse(0);
  }

  @Override
  public void write(int c) throws IOException {
    out.write(c);
    if (!prefixes.isEmpty()) {
      see((char) c);
    }
  }

  @Override
  public void write(char[] chars, int offset, int count) throws IOException {
    out.write(chars, offset, count);
    for (int i = offset; i < offset + count && !prefixes.isEmpty(); i++) {
      see(chars[i]);
    }
  }

  @Override
  public void write(String text, int offset, int count) throws IOException {
    out.write(text, offset, count);
    for (int i = offset; i < offset + count && !prefixes.isEmpty(); i++) {
      see(text.charAt(i));
    }
  }

  private void see(char c) {
    if (c == '\n' && afterCr) {
      afterCr = false; // the \n of a \r\n: the line ended at the \r
      return;
    }
    afterCr = c == '\r';
    if (c == '\n' || c == '\r') {
      endLine();
      return;
    }
    inLine = true;
    if (start.length() < longest) {
      start.append(c);
    }
  }

  private void endLine() {
    for (Map.Entry<Integer, Set<String>> same : byLength.entrySet()) {
      if (same.getKey() > start.length()) {
        break;
      }
      String prefix = start.substring(0, same.getKey());
      if (same.getValue().contains(prefix)) {
        found.putIfAbsent(prefix, line);
      }
    }
    start.setLength(0);
    inLine = false;
    line++;
  }

  /** Also looks at the last line when it has no line end, then closes the writer. */
  @Override
  public void close() throws IOException {
    if (inLine) {
      endLine();
    }
    super.close();
  }

  /**
   * The 1-based number of the first line that starts with each prefix that some line starts with,
   * complete once the writer is closed.
   */
  Map<String, Long> found() {
    return Collections.unmodifiableMap(found);
  }
}
