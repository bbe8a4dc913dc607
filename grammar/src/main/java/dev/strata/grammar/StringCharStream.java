package dev.strata.grammar;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A {@link CharStream} over a {@link String}, indexed in UTF-16 units as {@code ANTLRInputStream}
 * is (so token offsets index the string directly), without copying the text into a char array.
 * Token texts are substrings, made only when a token's text is asked for. It answers every method
 * as {@code ANTLRInputStream} does, including {@link #getText} clamping a stop past the end.
 */
final class StringCharStream implements CharStream {
  private final String text;
  private int index;

  StringCharStream(String text) {
    this.text = text;
  }

  /** The whole text. */
  String text() {
    return text;
  }

  @Override
  public String getText(Interval interval) {
    int start = interval.a;
    int stop = interval.b;
    int n = text.length();
    if (stop >= n) {
      stop = n - 1;
    }
    if (start >= n) {
      return "";
    }
    return text.substring(start, stop + 1);
  }

  @Override
  public void consume() {
    if (index >= text.length()) {
      throw new IllegalStateException("cannot consume EOF");
    }
    index++;
  }

  @Override
  public int LA(int i) {
    if (i == 0) {
      return 0;
    }
    int at = i < 0 ? index + i : index + i - 1;
    if (at < 0 || at >= text.length()) {
      return IntStream.EOF;
    }
    return text.charAt(at);
  }

  @Override
  public int mark() {
    return -1;
  }

  @Override
  public void release(int marker) { }

  @Override
  public int index() {
    return index;
  }

  @Override
  public void seek(int index) {
    this.index = Math.min(index, text.length());
  }

  @Override
  public int size() {
    return text.length();
  }

  @Override
  public String getSourceName() {
    return IntStream.UNKNOWN_SOURCE_NAME;
  }

  @Override
  public String toString() {
    return text;
  }
}
