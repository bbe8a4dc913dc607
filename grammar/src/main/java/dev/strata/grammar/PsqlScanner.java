package dev.strata.grammar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads SQL text as psql's own lexer does ({@code src/fe_utils/psqlscan.l} of PostgreSQL), to find
 * what psql acts on itself instead of sending it to the server, and where psql could read quotes
 * differently from strata.
 *
 * <p>psql reads a script line by line (strata's scripts end lines with LF only; here CR LF and a lone
 * CR count as one line end too, as the scripts normalise them), lexes each line without its line end
 * and carries its state (in a string, a comment, ...) over to the next. In that state machine:
 *
 * <ul>
 *   <li>{@code --} comments run to the end of the line; {@code /* *}{@code /} comments nest;
 *   <li>{@code '...'} (also {@code B'}, {@code X'}, {@code N'}, {@code U&'}) has no escapes but
 *       {@code ''}; {@code E'...'} (only where {@code E} starts a token) also takes backslash
 *       escapes, {@code \'} among them; {@code "..."} has {@code ""};
 *   <li>{@code $tag$ ... $tag$} where {@code $} starts a token (in {@code a$b$} it does not),
 *       {@code $1} is a parameter; identifiers are {@code [A-Za-z_\x80-]} then also digits and
 *       {@code $} (every non-ASCII character counts as a letter, as psql's bytes do);
 *   <li>a backslash outside all of these starts a meta-command, which takes the rest of the line;
 *   <li>{@code :name}, {@code :'name'}, {@code :"name"} and {@code :{?name}} ({@code name} of
 *       {@code [A-Za-z0-9_\x80-]}) are variable references, but {@code ::} and {@code :=} are not.
 * </ul>
 *
 * <p>Quote continuation ({@code 'a'} then a line break then {@code 'b'}) needs a line end inside
 * one line of psql's input, which a script with LF line ends never has, so it is not modelled.
 * Three spots where psql's reading depends on its version or on the server are reported rather
 * than guessed: a backslash before a quote inside a standard string (read as an escaped quote
 * when {@code standard_conforming_strings} is off), {@code E'} right after a number (an escape
 * string before PostgreSQL 16, a number and a plain string since), and NUL (psql drops the rest of
 * the line after it).
 */
final class PsqlScanner {
  private final String text;
  private final int end;
  private final List<Finding> findings = new ArrayList<>();
  private int pos;
  private int numberEnd = -1;

  private PsqlScanner(String text, int from, int to) {
    this.text = text;
    this.pos = from;
    this.end = to;
  }

  /** What psql would do, or might read differently, at the chars {@code [start, end)}. */
  sealed interface Finding {
    int start();

    int end();

    /** A backslash outside quotes and comments, with the command name after it. */
    record MetaCommand(int start, int end) implements Finding {}

    /** {@code :name}, {@code :'name'}, {@code :"name"} or {@code :{?name}}. */
    record Variable(int start, int end) implements Finding {}

    /** An odd run of backslashes before a quote inside a standard string. */
    record EscapedQuote(int start, int end) implements Finding {}

    /** {@code E'} directly after a number or parameter. */
    record EscapeStringAfterNumber(int start, int end) implements Finding {}

    /** A NUL character, anywhere. */
    record Nul(int start, int end) implements Finding {}

    /** The text ends inside {@code construct}, which starts at {@code start}. */
    record Unclosed(int start, int end, Construct construct) implements Finding {}
  }

  /** What can be left open at the end of a text. */
  enum Construct {
    STRING("string"),
    QUOTED_IDENTIFIER("quoted identifier"),
    DOLLAR_QUOTE("dollar-quoted string"),
    BLOCK_COMMENT("block comment");

    private final String words;

    Construct(String words) {
      this.words = words;
    }

    /** The construct in a message, e.g. {@code "block comment"}. */
    String words() {
      return words;
    }
  }

  /**
   * Scans the chars {@code [from, to)} of {@code text}, starting outside any quote or comment.
   *
   * @return every finding, ordered by position
   */
  static List<Finding> scan(String text, int from, int to) {
    PsqlScanner scanner = new PsqlScanner(text, from, to);
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\0') {
        scanner.findings.add(new Finding.Nul(i, i + 1));
      }
    }
    while (scanner.pos < to) {
      scanner.token();
    }
    scanner.findings.sort(Comparator.comparingInt(Finding::start));
    return List.copyOf(scanner.findings);
  }

  /** Reads one token (or one blank or other char) outside quotes and comments. */
  private void token() {
    char c = text.charAt(pos);
    if (c == '-' && peek(pos + 1) == '-') {
      pos = lineEnd(pos);
    } else if (c == '/' && peek(pos + 1) == '*') {
      blockComment();
    } else if (c == '\'') {
      standardString(pos);
    } else if ((c == 'E' || c == 'e') && peek(pos + 1) == '\'') {
      escapeString();
    } else if (c == '"') {
      quotedIdentifier();
    } else if (c == '$') {
      dollar();
    } else if (isDigit(c) || c == '.' && isDigit(peek(pos + 1))) {
      number();
    } else if (isIdentifierStart(c)) {
      pos = skip(pos + 1, PsqlScanner::isIdentifierPart);
    } else if (c == '\\') {
      metaCommand();
    } else if (c == ':') {
      colon();
    } else {
      pos++;
    }
  }

  private void blockComment() {
    int start = pos;
    int depth = 0;
    for (int i = pos + 2; i < end; i++) {
      if (text.startsWith("/*", i) && i + 1 < end) {
        depth++;
        i++;
      } else if (text.startsWith("*/", i) && i + 1 < end) {
        if (depth == 0) {
          pos = i + 2;
          return;
        }
        depth--;
        i++;
      }
    }
    unclosed(start, 2, Construct.BLOCK_COMMENT);
  }

  /** {@code '...'} from the quote at {@code quote}: only {@code ''} is special. */
  private void standardString(int quote) {
    int backslashes = 0;
    for (int i = quote + 1; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        if (backslashes % 2 == 1) {
          findings.add(new Finding.EscapedQuote(i - backslashes, i + 1));
        }
        backslashes = 0;
        if (peek(i + 1) != '\'') {
          pos = i + 1;
          return;
        }
        i++;
      } else {
        backslashes = c == '\\' ? backslashes + 1 : 0;
      }
    }
    unclosed(quote, 1, Construct.STRING);
  }

  /** {@code E'...'}: a backslash escapes the next char of the same line. */
  private void escapeString() {
    int start = pos;
    if (numberEnd == pos) {
      findings.add(new Finding.EscapeStringAfterNumber(pos, pos + 2));
    }
    for (int i = pos + 2; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\\' && !isLineEnd(peek(i + 1))) {
        i++;
      } else if (c == '\'') {
        if (peek(i + 1) != '\'') {
          pos = i + 1;
          return;
        }
        i++;
      }
    }
    unclosed(start, 2, Construct.STRING);
  }

  private void quotedIdentifier() {
    for (int i = pos + 1; i < end; i++) {
      if (text.charAt(i) == '"') {
        if (peek(i + 1) != '"') {
          pos = i + 1;
          return;
        }
        i++;
      }
    }
    unclosed(pos, 1, Construct.QUOTED_IDENTIFIER);
  }

  /** {@code $tag$} opens a dollar quote, {@code $1} is a parameter, any other {@code $} is itself. */
  private void dollar() {
    if (isDigit(peek(pos + 1))) {
      pos = skip(pos + 1, PsqlScanner::isDigit);
      numberEnd = pos;
      return;
    }
    int tagEnd = isIdentifierStart(peek(pos + 1)) ? skip(pos + 1, PsqlScanner::isTagPart) : pos + 1;
    if (peek(tagEnd) != '$') {
      pos++;
      return;
    }
    String tag = text.substring(pos, tagEnd + 1);
    int close = text.indexOf(tag, tagEnd + 1);
    if (close < 0 || close + tag.length() > end) {
      unclosed(pos, tag.length(), Construct.DOLLAR_QUOTE);
      return;
    }
    pos = close + tag.length();
  }

  /** An integer, decimal or real, as psql's rules cut them ({@code 1..2} is 1, .., 2). */
  private void number() {
    pos = skip(pos, PsqlScanner::isDigit);
    if (peek(pos) == '.' && peek(pos + 1) != '.') {
      pos = skip(pos + 1, PsqlScanner::isDigit);
    }
    if (peek(pos) == 'e' || peek(pos) == 'E') {
      int exponent = peek(pos + 1) == '+' || peek(pos + 1) == '-' ? pos + 2 : pos + 1;
      if (isDigit(peek(exponent))) {
        pos = skip(exponent, PsqlScanner::isDigit);
      }
    }
    numberEnd = pos;
  }

  /** The backslash and the command name after it; the command takes the rest of the line. */
  private void metaCommand() {
    int nameEnd = pos + 1;
    while (nameEnd < end && !isBlank(text.charAt(nameEnd)) && text.charAt(nameEnd) != '\\') {
      nameEnd++;
    }
    findings.add(new Finding.MetaCommand(pos, Math.max(nameEnd, pos + 1)));
    pos = lineEnd(pos);
  }

  private void colon() {
    char next = peek(pos + 1);
    int reference = -1;
    if (next == ':' || next == '=') {
      pos += 2;
      return;
    } else if (isVariablePart(next)) {
      reference = skip(pos + 1, PsqlScanner::isVariablePart);
    } else if (next == '\'' || next == '"') {
      reference = closedName(pos + 2, next);
    } else if (next == '{' && peek(pos + 2) == '?') {
      reference = closedName(pos + 3, '}');
    }
    if (reference < 0) {
      pos++;
      return;
    }
    findings.add(new Finding.Variable(pos, reference));
    pos = reference;
  }

  /** After a name of at least one char from {@code from} and then {@code close}, or -1. */
  private int closedName(int from, char close) {
    int nameEnd = skip(from, PsqlScanner::isVariablePart);
    return nameEnd > from && peek(nameEnd) == close ? nameEnd + 1 : -1;
  }

  private void unclosed(int start, int length, Construct construct) {
    findings.add(new Finding.Unclosed(start, start + length, construct));
    pos = end;
  }

  /** The char at {@code i}, or a line end past the scanned range. */
  private char peek(int i) {
    return i < end ? text.charAt(i) : '\n';
  }

  private int skip(int from, CharTest test) {
    int i = from;
    while (i < end && test.matches(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private int lineEnd(int from) {
    int i = from;
    while (i < end && !isLineEnd(text.charAt(i))) {
      i++;
    }
    return i;
  }

  @FunctionalInterface
  private interface CharTest {
    boolean matches(char c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
  }

  private static boolean isIdentifierStart(char c) {
    return isLetter(c);
  }

  private static boolean isIdentifierPart(char c) {
    return isLetter(c) || isDigit(c) || c == '$';
  }

  private static boolean isTagPart(char c) {
    return isLetter(c) || isDigit(c);
  }

  private static boolean isVariablePart(char c) {
    return isLetter(c) || isDigit(c);
  }

  private static boolean isLineEnd(char c) {
    return c == '\n' || c == '\r';
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\f' || isLineEnd(c);
  }
}
