package dev.strata.cli.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutations of the SQL: unbalanced quotes, deep nesting, psql meta-commands and variables, and
 * token-level typos (a word deleted, doubled or inserted).
 */
final class SqlMutations {
  private static final List<String> QUOTES = List.of(
      "'", "\"", "$$", "$body$", "$a$ ", "E'\\'", "'''", "U&'", "U&\"", "/*", "*/", "/* /*",
      "$", "$1", "''", "\"\"", "B'", "X'");
  private static final List<Integer> DEPTHS = List.of(100, 1_000, 3_000, 6_000, 20_000);
  private static final List<String> BACKSLASHES = List.of(
      "\\! touch /tmp/strata-fuzz-owned", "\\i /etc/passwd", "\\set ON_ERROR_STOP off", "\\\\",
      "\\", "\\gexec", "\\o /tmp/strata-fuzz-out", "\\copy t from program 'id'", "\\;", "\\x");
  private static final List<String> VARIABLES = List.of(
      ":'USER'", ":\"DBNAME\"", ":HOST", ":{?HOST}", "::text", ":", ":1", ": 'x'", ":'", "::");
  private static final List<String> TOKENS = List.of(
      "CONCURRENTLY", "IF NOT EXISTS", "IF EXISTS", "UNIQUE", "NOT NULL", "NULL", "DEFAULT 1",
      "PRIMARY KEY", "CASCADE", "COLLATE \"C\"", "::text", "ONLY", "REFERENCES t (id)",
      "CHECK (true)", "GENERATED ALWAYS AS IDENTITY", "ON CONFLICT DO NOTHING", "RETURNING *",
      ";", ",", "(", ")", "[", "]", "AND", "TEMPORARY", "USING x::int", "ARRAY['a', 'b']",
      "COLUMN", "CONSTRAINT c", "TABLE", "INDEX", "SCHEMA s", "VALUES (1, 2)", "= ANY (x)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|;|,");

  private SqlMutations() {}

  /** Inserts an unterminated quote, dollar quote or block comment in a statement or anywhere. */
  static Edit quote(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    String fragment = Bytes.pick(rnd, QUOTES);
    int at = rnd.nextInt(3) < 2 ? Bytes.statementOffset(bytes, rnd) : rnd.nextInt(bytes.length + 1);
    return Edit.insertAt(bytes, at, Bytes.utf8(fragment), "`" + fragment + "`");
  }

  /** Inserts thousands of nested (or only opening, or only closing) parentheses or brackets. */
  static Edit nesting(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    int d = Bytes.pick(rnd, DEPTHS);
    return switch (rnd.nextInt(6)) {
      case 0 -> Edit.insertAt(bytes, Bytes.afterKeyword(bytes, rnd,
              List.of("DEFAULT ", "VALUES (", " = ")),
          Bytes.utf8("(".repeat(d) + "1" + ")".repeat(d) + " + "), d + " nested parentheses");
      case 1 -> Edit.insertAt(bytes, Bytes.afterKeyword(bytes, rnd, List.of("CHECK (", "WHERE ")),
          Bytes.utf8("(".repeat(d) + "true" + ")".repeat(d) + " AND "),
          d + " nested parentheses in a condition");
      case 2 -> Edit.insertAt(bytes, Bytes.statementOffset(bytes, rnd),
          Bytes.utf8("(".repeat(d)), d + " unclosed parentheses");
      case 3 -> Edit.insertAt(bytes, Bytes.statementOffset(bytes, rnd),
          Bytes.utf8(")".repeat(d)), d + " unopened parentheses");
      case 4 -> Edit.insertAt(bytes, Bytes.afterKeyword(bytes, rnd, List.of("DEFAULT ", " = ")),
          Bytes.utf8("ARRAY[".repeat(d) + "1" + "]".repeat(d) + " || "), d + " nested ARRAY[");
      default -> Edit.insertAt(bytes, Bytes.statementOffset(bytes, rnd),
          Bytes.utf8("([".repeat(d) + "])".repeat(d)), d + " nested ([ ])");
    };
  }

  /** Inserts a psql meta-command: in a line, on its own line, or in a raw dialect block. */
  static Edit backslash(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    String command = Bytes.pick(rnd, BACKSLASHES);
    return switch (rnd.nextInt(3)) {
      case 0 -> Edit.insertAt(bytes, Bytes.statementOffset(bytes, rnd),
          Bytes.utf8(" " + command + " "), "`" + command + "` in a line");
      case 1 -> ownLine(bytes, rnd, "-- a comment\n" + command + "\n",
          "`" + command + "` on its own line after a comment");
      default -> inRawBlock(bytes, rnd, command + "\n", "`" + command + "` in a raw block");
    };
  }

  /** Inserts a psql variable reference ({@code :'USER'}) or a colon form near it. */
  static Edit variable(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    String reference = Bytes.pick(rnd, VARIABLES);
    return switch (rnd.nextInt(3)) {
      case 0 -> Edit.insertAt(bytes, Bytes.afterKeyword(bytes, rnd,
              List.of("DEFAULT ", " = ", "VALUES (")),
          Bytes.utf8(reference + " "), "`" + reference + "` in an expression");
      case 1 -> Edit.insertAt(bytes, Bytes.statementOffset(bytes, rnd),
          Bytes.utf8(reference), "`" + reference + "` in a line");
      default -> inRawBlock(bytes, rnd, "SELECT " + reference + ";\n",
          "`" + reference + "` in a raw block");
    };
  }

  /** Deletes or doubles a word (or {@code ;} / {@code ,}) of a statement, or inserts a keyword. */
  static Edit token(byte[] bytes, List<String> ids, RandomGenerator rnd) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<int[]> words = new ArrayList<>();
    List<byte[]> lines = Bytes.lines(bytes);
    for (int index : Bytes.statementLines(lines)) {
      int offset = Bytes.offsetOfLine(lines, index);
      Matcher m = WORD.matcher(text).region(offset, offset + lines.get(index).length);
      while (m.find()) {
        words.add(new int[] {m.start(), m.end()});
      }
    }
    int choice = rnd.nextInt(3);
    if (words.isEmpty() || choice == 2) {
      String token = Bytes.pick(rnd, TOKENS);
      return Edit.insertAt(bytes, Bytes.statementOffset(bytes, rnd), Bytes.utf8(" " + token + " "),
          "`" + token + "`");
    }
    int[] word = Bytes.pick(rnd, words);
    String found = text.substring(word[0], word[1]);
    if (choice == 0) {
      return new Edit(Bytes.replace(bytes, word[0], word[1], new byte[0]),
          "deleted `" + found + "` at line " + Bytes.lineOf(bytes, word[0]));
    }
    return new Edit(Bytes.insert(bytes, word[1], Bytes.utf8(" " + found)),
        "doubled `" + found + "` at line " + Bytes.lineOf(bytes, word[0]));
  }

  /** Inserts {@code text} (whole lines) before a statement line. */
  private static Edit ownLine(byte[] bytes, RandomGenerator rnd, String text, String label) {
    List<byte[]> lines = Bytes.lines(bytes);
    List<Integer> statements = Bytes.statementLines(lines);
    int index = statements.isEmpty() ? lines.size() : Bytes.pick(rnd, statements);
    int at = Bytes.offsetOfLine(lines, index);
    String prefix = at > 0 && bytes[at - 1] != '\n' ? "\n" : "";
    return Edit.insertAt(bytes, at, Bytes.utf8(prefix + text), label);
  }

  /** Inserts {@code text} as a line of a {@code -- +dialect} block, or adds such a block. */
  private static Edit inRawBlock(byte[] bytes, RandomGenerator rnd, String text, String label) {
    List<byte[]> lines = Bytes.lines(bytes);
    List<Integer> blocks = Bytes.linesWhere(lines, l -> l.startsWith("-- +dialect"));
    if (blocks.isEmpty()) {
      return ownLine(bytes, rnd, "-- +dialect postgresql\n" + text + "-- +end\n",
          label + " (a new block)");
    }
    int at = Bytes.offsetOfLine(lines, Bytes.pick(rnd, blocks) + 1);
    return Edit.insertAt(bytes, at, Bytes.utf8(text), label);
  }
}
