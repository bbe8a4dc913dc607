package dev.strata.cli.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Mutations by whole lines: deleted, duplicated, swapped, huge, other line endings. */
final class LineMutations {
  /** Lengths of a huge line, in bytes of filler (the longest is 1 MiB). */
  private static final List<Integer> HUGE = List.of(10_000, 100_000, 1 << 20);

  private LineMutations() {}

  /** Deletes 1 to 3 consecutive lines. */
  static Edit delete(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    List<byte[]> lines = new ArrayList<>(Bytes.lines(bytes));
    if (lines.isEmpty()) {
      return new Edit(bytes, "no line to delete");
    }
    int from = rnd.nextInt(lines.size());
    int count = Math.min(1 + rnd.nextInt(3), lines.size() - from);
    lines.subList(from, from + count).clear();
    return new Edit(Bytes.join(lines), "deleted lines " + (from + 1) + ".." + (from + count));
  }

  /** Duplicates a run of 1 to 3 lines in place. */
  static Edit duplicate(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    List<byte[]> lines = new ArrayList<>(Bytes.lines(bytes));
    if (lines.isEmpty()) {
      return new Edit(bytes, "no line to duplicate");
    }
    int from = rnd.nextInt(lines.size());
    int count = Math.min(1 + rnd.nextInt(3), lines.size() - from);
    List<byte[]> run = new ArrayList<>(lines.subList(from, from + count));
    if (run.getLast()[run.getLast().length - 1] != '\n') {
      run.set(run.size() - 1, Bytes.insert(run.getLast(), run.getLast().length, new byte[] {'\n'}));
    }
    lines.addAll(from, run);
    return new Edit(Bytes.join(lines), "duplicated lines " + (from + 1) + ".." + (from + count));
  }

  /** Swaps two adjacent lines. */
  static Edit swap(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    List<byte[]> lines = new ArrayList<>(Bytes.lines(bytes));
    if (lines.size() < 2 || lines.getLast()[lines.getLast().length - 1] != '\n') {
      return delete(bytes, ids, rnd);
    }
    int at = rnd.nextInt(lines.size() - 1);
    byte[] first = lines.get(at);
    lines.set(at, lines.get(at + 1));
    lines.set(at + 1, first);
    return new Edit(Bytes.join(lines), "swapped lines " + (at + 1) + " and " + (at + 2));
  }

  /**
   * Inserts a huge line: a comment, a string literal or identifier in a statement, a header
   * value, a long list, or blanks.
   */
  static Edit huge(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    int size = Bytes.pick(rnd, HUGE);
    return switch (rnd.nextInt(6)) {
      case 0 -> newLine(bytes, rnd, "-- " + "x".repeat(size), size + "-byte comment line");
      case 1 -> Edit.insertAt(bytes, Bytes.afterKeyword(bytes, rnd, List.of("DEFAULT ")),
          Bytes.utf8("'" + "é".repeat(size / 2) + "' || "), size + "-byte string literal");
      case 2 -> Edit.insertAt(bytes, Bytes.statementOffset(bytes, rnd),
          Bytes.utf8(" c" + "a".repeat(size) + " "), size + "-byte identifier");
      case 3 -> Edit.insertAt(bytes, headerLineEnd(bytes, rnd),
          Bytes.utf8(" " + "m".repeat(size)), size + "-byte header value");
      case 4 -> Edit.insertAt(bytes, Bytes.afterKeyword(bytes, rnd, List.of("IN (", "VALUES (")),
          Bytes.utf8("1, ".repeat(size / 3)), size + "-byte list");
      default -> newLine(bytes, rnd, " \t".repeat(size / 2), size + "-byte blank line");
    };
  }

  /** Converts line endings: all CRLF, some lone CR, a BOM, or no final newline. */
  static Edit endings(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    List<byte[]> lines = new ArrayList<>(Bytes.lines(bytes));
    switch (rnd.nextInt(4)) {
      case 0 -> {
        lines.replaceAll(l -> endsWithNewline(l) ? Bytes.replace(l, l.length - 1, l.length,
            new byte[] {'\r', '\n'}) : l);
        return new Edit(Bytes.join(lines), "converted every line ending to CRLF");
      }
      case 1 -> {
        int at = lines.isEmpty() ? 0 : rnd.nextInt(lines.size());
        if (!lines.isEmpty() && endsWithNewline(lines.get(at))) {
          byte[] l = lines.get(at);
          lines.set(at, Bytes.replace(l, l.length - 1, l.length, new byte[] {'\r'}));
        }
        return new Edit(Bytes.join(lines), "line " + (at + 1) + " ends with a lone CR");
      }
      case 2 -> {
        return new Edit(Bytes.insert(bytes, 0, Bytes.utf8("\uFEFF")), "added a BOM");
      }
      default -> {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
          end--;
        }
        return new Edit(Bytes.slice(bytes, 0, end), "removed the final line break");
      }
    }
  }

  private static boolean endsWithNewline(byte[] line) {
    return line.length > 0 && line[line.length - 1] == '\n';
  }

  private static Edit newLine(byte[] bytes, RandomGenerator rnd, String text, String label) {
    List<byte[]> lines = Bytes.lines(bytes);
    int index = rnd.nextInt(lines.size() + 1);
    int at = Bytes.offsetOfLine(lines, index);
    byte[] line = Bytes.utf8(text + "\n");
    if (at > 0 && bytes[at - 1] != '\n') {
      line = Bytes.utf8("\n" + text);
    }
    return Edit.insertAt(bytes, at, line, label);
  }

  /** The end (before the terminator) of a header line picked at random; else the file's end. */
  private static int headerLineEnd(byte[] bytes, RandomGenerator rnd) {
    List<byte[]> lines = Bytes.lines(bytes);
    List<Integer> header = Bytes.headerLines(lines);
    if (header.isEmpty()) {
      return bytes.length;
    }
    int index = Bytes.pick(rnd, header);
    byte[] line = lines.get(index);
    int body = endsWithNewline(line) ? line.length - 1 : line.length;
    return Bytes.offsetOfLine(lines, index) + body;
  }
}
