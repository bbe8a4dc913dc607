package dev.strata.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Byte-level editing of a file's content: lines are split after each {@code \n} and keep their
 * terminator, so joining them gives the bytes back; offsets are byte offsets.
 */
final class Bytes {
  private Bytes() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The lines of {@code bytes}, each with its {@code \n} (the last may have none). */
  static List<byte[]> lines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lines.add(slice(bytes, start, i + 1));
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      lines.add(slice(bytes, start, bytes.length));
    }
    return lines;
  }

  static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lines.forEach(out::writeBytes);
    return out.toByteArray();
  }

  static byte[] slice(byte[] bytes, int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, to);
  }

  /** {@code bytes} with {@code from..to} replaced by {@code with}. */
  static byte[] replace(byte[] bytes, int from, int to, byte[] with) {
    byte[] out = new byte[bytes.length - (to - from) + with.length];
    System.arraycopy(bytes, 0, out, 0, from);
    System.arraycopy(with, 0, out, from, with.length);
    System.arraycopy(bytes, to, out, from + with.length, bytes.length - to);
    return out;
  }

  static byte[] insert(byte[] bytes, int at, byte[] what) {
    return replace(bytes, at, at, what);
  }

  /** The 1-based line number of byte offset {@code at}, for descriptions. */
  static int lineOf(byte[] bytes, int at) {
    int line = 1;
    for (int i = 0; i < Math.min(at, bytes.length); i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The byte offset where line {@code index} (0-based) of {@code lines} starts. */
  static int offsetOfLine(List<byte[]> lines, int index) {
    int offset = 0;
    for (int i = 0; i < index; i++) {
      offset += lines.get(i).length;
    }
    return offset;
  }

  /** The indices of the lines whose text (as ASCII) satisfies {@code test}. */
  static List<Integer> linesWhere(List<byte[]> lines, java.util.function.Predicate<String> test) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (test.test(new String(lines.get(i), StandardCharsets.ISO_8859_1))) {
        found.add(i);
      }
    }
    return found;
  }

  /**
   * A byte offset inside a statement line (not blank, not a {@code --} comment, not in the header
   * before the first section), before its terminator; any offset when the file has none.
   */
  static int statementOffset(byte[] bytes, RandomGenerator rnd) {
    List<byte[]> lines = lines(bytes);
    List<Integer> candidates = statementLines(lines);
    if (candidates.isEmpty()) {
      return rnd.nextInt(bytes.length + 1);
    }
    int index = candidates.get(rnd.nextInt(candidates.size()));
    int length = lines.get(index).length;
    int body = lines.get(index)[length - 1] == '\n' ? length - 1 : length;
    return offsetOfLine(lines, index) + rnd.nextInt(body + 1);
  }

  /** The indices of the {@code --} lines before the first {@code -- +} line (the header). */
  static List<Integer> headerLines(List<byte[]> lines) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = new String(lines.get(i), StandardCharsets.ISO_8859_1);
      if (text.startsWith("-- +")) {
        break;
      }
      if (text.startsWith("-- ")) {
        found.add(i);
      }
    }
    return found;
  }

  /** The indices of the lines after the first {@code -- +} line that are not blank or comments. */
  static List<Integer> statementLines(List<byte[]> lines) {
    List<Integer> found = new ArrayList<>();
    boolean inBody = false;
    for (int i = 0; i < lines.size(); i++) {
      String text = new String(lines.get(i), StandardCharsets.ISO_8859_1).strip();
      if (text.startsWith("-- +")) {
        inBody = true;
      } else if (inBody && !text.isEmpty() && !text.startsWith("--")) {
        found.add(i);
      }
    }
    return found;
  }

  /**
   * The offset just after an occurrence of one of {@code keywords} (ASCII, case-sensitive) picked
   * at random, or a {@link #statementOffset} when none occurs.
   */
  static int afterKeyword(byte[] bytes, RandomGenerator rnd, List<String> keywords) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<Integer> found = new ArrayList<>();
    for (String keyword : keywords) {
      for (int i = text.indexOf(keyword); i >= 0; i = text.indexOf(keyword, i + 1)) {
        found.add(i + keyword.length());
      }
    }
    if (found.isEmpty()) {
      return statementOffset(bytes, rnd);
    }
    found.sort(null);
    return found.get(rnd.nextInt(found.size()));
  }

  static <T> T pick(RandomGenerator rnd, List<T> choices) {
    return choices.get(rnd.nextInt(choices.size()));
  }
}
