package dev.strata.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the text of a {@code -- +dialect mysql} or {@code mariadb} block as the {@code mysql} and
 * {@code mariadb} clients read their input ({@code client/mysql.cc}: {@code read_and_execute} and
 * {@code add_line}; the behaviours below were checked against the {@code mariadb} 10.11 client), to
 * find what the client acts on itself instead of sending it to the server:
 *
 * <ul>
 *   <li>a backslash outside quotes and comments is a client command ({@code \!} runs a shell
 *       command, {@code \.} reads a file, {@code \q} quits), wherever it is in a line, also inside
 *       {@code /*!...*}{@code /} (which the client treats as code, not as a comment);
 *   <li>when no statement is pending (everything since the last {@code ;} was blank or a comment),
 *       a statement whose first word is one of the client's named commands ({@code system},
 *       {@code source}, {@code delimiter}, {@code quit}, ...) runs that command: at the start of a
 *       line, spaces before it or not, at once; after a {@code ;} on the same line or after
 *       comments, when its {@code ;} comes (strata ends every block with one); and a line that
 *       starts with {@code #} or {@code --} is skipped whole (even {@code --x}, which is not a
 *       comment in a statement);
 *   <li>{@code '...'} and {@code "..."} take backslash escapes and a doubled quote; {@code `...`}
 *       takes a doubled backquote only; {@code #} and {@code --} followed by a blank or the line
 *       end are comments to the end of the line; {@code /* ... *}{@code /} does not nest.
 * </ul>
 *
 * <p>Reported where the reading depends on the server: a backslash before the closing quote of a
 * string, which ends the string when {@code sql_mode} has {@code NO_BACKSLASH_ESCAPES} (or {@code
 * ANSI_QUOTES}, for {@code "}) and escapes the quote otherwise; and NUL, which the client refuses
 * outside {@code --binary-mode}. And where the block would swallow strata's own {@code ;}: a last
 * statement without {@code ;} whose line ends in a {@code #} comment.
 */
final class MysqlClientScanner {
  /**
   * The named commands of the {@code mysql} 8 and {@code mariadb} 10.11 clients ({@code help}
   * lists them), lowercase: the client matches them without regard to case.
   */
  static final Set<String> COMMANDS = Set.of("?", "charset", "clear", "connect", "delimiter",
      "edit", "ego", "exit", "go", "help", "nopager", "notee", "nowarning", "pager", "print",
      "prompt", "query_attributes", "quit", "rehash", "resetconnection", "sandbox", "source",
      "ssl_session_data_print", "status", "system", "tee", "use", "warnings");

  /** What the client reads differently from plain SQL, at the chars {@code [start, end)}. */
  sealed interface Finding {
    int start();

    int end();

    /** A backslash outside quotes and comments, with the rest of its line. */
    record BackslashCommand(int start, int end) implements Finding {}

    /** A named command as the first word of a line that starts a statement. */
    record NamedCommand(int start, int end, String name) implements Finding {}

    /** An odd run of backslashes before a quote inside a string. */
    record EscapedQuote(int start, int end) implements Finding {}

    /** A NUL character. */
    record Nul(int start, int end) implements Finding {}

    /** The text ends inside {@code construct}, which starts at {@code start}. */
    record Unclosed(int start, int end, String construct) implements Finding {}

    /** A {@code #} comment that ends the block after a statement without its {@code ;}. */
    record SwallowedTerminator(int start, int end) implements Finding {}
  }

  private enum State { PLAIN, STRING, COMMENT }

  private final String text;
  private final int to;
  private final List<Finding> findings = new ArrayList<>();
  private State state = State.PLAIN;
  private char quote;
  private int openedAt;
  // whether the client holds part of a statement (code since the last ';')
  private boolean pending;
  // the '#' comment the last line with code ended in, if any
  private int trailingHash = -1;

  private MysqlClientScanner(String text, int to) {
    this.text = text;
    this.to = to;
  }

  /**
   * The findings in the chars {@code [from, to)} of {@code text}, in order; {@code from} is the end
   * of the {@code -- +dialect} line, so the block's lines start after the first line break.
   */
  static List<Finding> scan(String text, int from, int to) {
    MysqlClientScanner scanner = new MysqlClientScanner(text, to);
    int pos = from;
    boolean first = true;
    while (pos < to) {
      int end = lineEnd(text, pos, to);
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

  private static int lineEnd(String text, int pos, int to) {
    int i = pos;
    while (i < to && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private void line(int start, int end) {
    if (!text.substring(start, end).isBlank()) {
      trailingHash = -1; // strata's ';' after the block goes after the last line that is not blank
    }
    if (state == State.PLAIN && !pending) {
      boolean hash = start < end && text.charAt(start) == '#';
      if (hash || start + 1 < end && text.startsWith("--", start)) {
        return; // the client skips the whole line
      }
    }
    int i = start;
    while (i < end) {
      char c = text.charAt(i);
      if (c == '\0') {
        findings.add(new Finding.Nul(i, i + 1));
        i++;
        continue;
      }
      i = switch (state) {
        case PLAIN -> plain(i, end);
        case STRING -> string(i, end);
        case COMMENT -> comment(i, end);
      };
    }
  }

  /** A named command whose word starts at {@code start}, the statement's first non-blank char. */
  private void namedCommand(int start, int end) {
    int i = start;
    int word = i;
    if (i < end && text.charAt(i) == '?') {
      i++;
    } else {
      while (i < end && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
        i++;
      }
    }
    String name = text.substring(word, i).toLowerCase(Locale.ROOT);
    boolean alone = i == end || !(Character.isLetterOrDigit(text.charAt(i))
        || text.charAt(i) == '_' || text.charAt(i) == '$');
    if (!name.isEmpty() && alone && COMMANDS.contains(name)) {
      findings.add(new Finding.NamedCommand(word, i, name));
    }
  }

  private int plain(int i, int end) {
    char c = text.charAt(i);
    char next = i + 1 < end ? text.charAt(i + 1) : '\n';
    switch (c) {
      case '\'', '"', '`' -> {
        state = State.STRING;
        quote = c;
        openedAt = i;
        code();
        return i + 1;
      }
      case '\\' -> {
        findings.add(new Finding.BackslashCommand(i, end));
        code();
        return end;
      }
      case '#' -> {
        trailingHash = i;
        return end;
      }
      case ';' -> {
        pending = false;
        trailingHash = -1;
        return i + 1;
      }
      case ' ', '\t', '\f' -> {
        return i + 1;
      }
      default -> {
        if (!pending) {
          // the first word of a statement, wherever it starts: after a ';' on the same line or
          // after comments, the client (which strips comments) still takes a command word there
          // for its own command once the ';' comes (checked with mariadb 10.11); a comment's
          // '/*' or '--' starts no word
          namedCommand(i, end);
        }
      }
    }
    if (c == '-' && next == '-') {
      char after = i + 2 < end ? text.charAt(i + 2) : ' ';
      if (after <= ' ') {
        return end;
      }
    }
    if (c == '/' && next == '*') {
      boolean code = text.startsWith("/*!", i) || text.startsWith("/*M!", i)
          || text.startsWith("/*+", i);
      if (!code) {
        state = State.COMMENT;
        openedAt = i;
        return i + 2;
      }
    }
    code();
    return i + 1;
  }

  private void code() {
    pending = true;
    trailingHash = -1;
  }

  private int string(int i, int end) {
    char c = text.charAt(i);
    if (c == '\\' && quote != '`') {
      int run = i;
      while (run < end && text.charAt(run) == '\\') {
        run++;
      }
      boolean odd = (run - i) % 2 == 1;
      if (odd && run < end && text.charAt(run) == quote) {
        findings.add(new Finding.EscapedQuote(i, run + 1));
      }
      return odd && run < end ? run + 1 : run;
    }
    if (c == quote) {
      if (i + 1 < end && text.charAt(i + 1) == quote) {
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
      case STRING -> findings.add(new Finding.Unclosed(openedAt, openedAt + 1,
          quote == '`' ? "quoted identifier" : "string"));
      case COMMENT -> findings.add(new Finding.Unclosed(openedAt, openedAt + 2, "block comment"));
      case PLAIN -> {
        if (pending && trailingHash >= 0) {
          findings.add(new Finding.SwallowedTerminator(trailingHash,
              lineEnd(text, trailingHash, to)));
        }
      }
    }
  }
}
