package dev.strata.grammar;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text of a {@code -- +dialect sqlite} block as the {@code sqlite3} shell reads its input
 * ({@code src/shell.c.in}, {@code process_input}), to find what the shell acts on itself instead of
 * passing it to SQLite: a line that starts with {@code .} in its first column, read while no
 * statement is pending, is a dot-command ({@code .shell} and {@code .system} run shell commands,
 * {@code .read} reads a file, {@code .bail off} keeps going after an error). The shell's quoting:
 * {@code '...'}, {@code "..."} and {@code `...`} with the quote doubled, {@code [...]}, {@code --}
 * comments to the end of the line and {@code /* ... *}{@code /} comments.
 *
 * <p>A statement is pending from its first character of code until a line that ends with its
 * {@code ;}; the shell also waits for the {@code END;} of a {@code CREATE TRIGGER}, which is not
 * modelled: a line that starts with {@code .} after a {@code ;} is reported even inside a trigger
 * body, where the shell would read it as SQL (no SQL line needs to start with {@code .}). Also
 * reported: NUL, after which the shell drops the rest of the line, and a block that ends inside a
 * quote or a comment.
 */
final class SqliteClientScanner {
  /** What the shell reads differently from plain SQL, at the chars {@code [start, end)}. */
  sealed interface Finding {
    int start();

    int end();

    /** A line read as a dot-command, to its end. */
    record DotCommand(int start, int end) implements Finding {}

    /** A NUL character. */
    record Nul(int start, int end) implements Finding {}

    /** The text ends inside {@code construct}, which starts at {@code start}. */
    record Unclosed(int start, int end, String construct) implements Finding {}
  }

  private enum State { PLAIN, QUOTED, COMMENT }

  private final String text;
  private final List<Finding> findings = new ArrayList<>();
  private State state = State.PLAIN;
  private char close;
  private int openedAt;
  // code since the last ';', and whether the last code was that ';'
  private boolean pending;
  private boolean afterSemicolon;

  private SqliteClientScanner(String text) {
    this.text = text;
  }

  /**
   * The findings in the chars {@code [from, to)} of {@code text}, in order; {@code from} is the end
   * of the {@code -- +dialect} line, so the block's lines start after the first line break.
   */
  static List<Finding> scan(String text, int from, int to) {
    SqliteClientScanner scanner = new SqliteClientScanner(text);
    int pos = from;
    boolean first = true;
    while (pos < to) {
      int end = pos;
      while (end < to && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      if (!first) {
        scanner.line(pos, end);
      }
      first = false;
      pos = end < to && text.charAt(end) == '\r' && end + 1 < to && text.charAt(end + 1) == '\n'
          ? end + 2 : end + 1;
    }
    scanner.finish();
    return List.copyOf(scanner.findings);
  }

  private void line(int start, int end) {
    if (state == State.PLAIN && (!pending || afterSemicolon) && start < end
        && text.charAt(start) == '.') {
      findings.add(new Finding.DotCommand(start, end));
      return;
    }
    int i = start;
    while (i < end) {
      if (text.charAt(i) == '\0') {
        findings.add(new Finding.Nul(i, i + 1));
        i++;
        continue;
      }
      i = switch (state) {
        case PLAIN -> plain(i, end);
        case QUOTED -> quoted(i, end);
        case COMMENT -> comment(i, end);
      };
    }
  }

  private int plain(int i, int end) {
    char c = text.charAt(i);
    switch (c) {
      case '\'', '"', '`', '[' -> {
        state = State.QUOTED;
        close = c == '[' ? ']' : c;
        openedAt = i;
        pending = true;
        afterSemicolon = false;
        return i + 1;
      }
      case ';' -> {
        pending = false;
        afterSemicolon = true;
        return i + 1;
      }
      case ' ', '\t', '\f' -> {
        return i + 1;
      }
      default -> { }
    }
    if (text.startsWith("--", i) && i + 1 < end) {
      return end;
    }
    if (text.startsWith("/*", i) && i + 1 < end) {
      state = State.COMMENT;
      openedAt = i;
      return i + 2;
    }
    pending = true;
    afterSemicolon = false;
    return i + 1;
  }

  private int quoted(int i, int end) {
    if (text.charAt(i) == close) {
      if (close != ']' && i + 1 < end && text.charAt(i + 1) == close) {
        return i + 2;
      }
      state = State.PLAIN;
    }
    return i + 1;
  }

  private int comment(int i, int end) {
    if (text.startsWith("*/", i) && i + 1 < end) {
      state = State.PLAIN;
      return i + 2;
    }
    return i + 1;
  }

  private void finish() {
    switch (state) {
      case QUOTED -> findings.add(new Finding.Unclosed(openedAt, openedAt + 1,
          close == '\'' ? "string" : "quoted identifier"));
      case COMMENT -> findings.add(new Finding.Unclosed(openedAt, openedAt + 2, "block comment"));
      case PLAIN -> { }
    }
  }
}
