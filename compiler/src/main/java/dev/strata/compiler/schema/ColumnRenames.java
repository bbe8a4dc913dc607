package dev.strata.compiler.schema;

import dev.strata.grammar.ast.Expr;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A column's new name in an expression of its table kept as text (a {@code CHECK}, a generated
 * column, an index key or predicate), as {@code ALTER TABLE ... RENAME COLUMN} leaves it:
 * PostgreSQL keeps those expressions parsed, by column number, so {@code pg_get_expr} shows the new
 * name, and MySQL's {@code MODIFY COLUMN} and SQLite's table rebuild, which restate the text from
 * the model, must name the new column too (else a generated column is computed from, or a check
 * tests, another column of the old name, or fails for want of one).
 *
 * <p>A reference is a bare word equal to the old name (compared lower-cased) or a quoted
 * identifier equal to it, outside string literals, dollar-quoted strings and comments; not a
 * function's name (a word before {@code (}), not a type (a word after {@code ::} or {@code AS}),
 * not the member after a dot of another qualifier than the table's own name.
 */
final class ColumnRenames {
  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

  private ColumnRenames() {}

  /**
   * {@code expr} with each reference to the column {@code from} naming {@code to} instead (both
   * folded names); {@code expr} itself when it has none.
   *
   * @param table the table's own name, a qualifier that still names the column ({@code t.a})
   */
  static Expr renamed(Expr expr, String table, String from, String to) {
    String sql = expr.sql();
    StringBuilder out = new StringBuilder(sql.length() + 8);
    boolean changed = false;
    int i = 0;
    String previousWord = "";
    char previousSymbol = ' ';
    String qualifier = null;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int end;
      if (c == '\'' || (c == 'E' || c == 'e') && i + 1 < sql.length() && sql.charAt(i + 1) == '\''
          && !wordChar(before(sql, i))) {
        end = stringEnd(sql, c == '\'' ? i : i + 1, c != '\'');
        out.append(sql, i, end);
        previousWord = "";
        previousSymbol = '\'';
        qualifier = null;
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int close = sql.indexOf(tag, i + tag.length());
        end = close < 0 ? sql.length() : close + tag.length();
        out.append(sql, i, end);
        previousWord = "";
        previousSymbol = '$';
        qualifier = null;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int line = sql.indexOf('\n', i);
        end = line < 0 ? sql.length() : line;
        out.append(sql, i, end);
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int close = sql.indexOf("*/", i + 2);
        end = close < 0 ? sql.length() : close + 2;
        out.append(sql, i, end);
      } else if (c == '"' || wordStart(c)) {
        String name;
        if (c == '"') {
          StringBuilder quoted = new StringBuilder();
          end = i + 1;
          while (end < sql.length()) {
            if (sql.charAt(end) == '"') {
              if (end + 1 < sql.length() && sql.charAt(end + 1) == '"') {
                quoted.append('"');
                end += 2;
                continue;
              }
              end++;
              break;
            }
            quoted.append(sql.charAt(end++));
          }
          name = quoted.toString();
        } else {
          end = i;
          while (end < sql.length() && wordChar(sql.charAt(end))) {
            end++;
          }
          name = sql.substring(i, end).toLowerCase(Locale.ROOT);
        }
        int next = skipBlanks(sql, end);
        boolean call = next < sql.length() && sql.charAt(next) == '(';
        boolean dotted = next < sql.length() && sql.charAt(next) == '.';
        boolean type = previousSymbol == ':' || previousWord.equals("as");
        boolean member = previousSymbol == '.';
        boolean ours = !member || qualifier != null && qualifier.equals(table);
        if (name.equals(from) && !call && !dotted && !type && ours) {
          out.append(identifier(to));
          changed = true;
        } else {
          out.append(sql, i, end);
        }
        qualifier = dotted ? name : null;
        previousWord = c == '"' ? "" : name;
        previousSymbol = ' ';
      } else {
        end = i + 1;
        out.append(c);
        if (!Character.isWhitespace(c)) {
          previousSymbol = c;
          previousWord = "";
          if (c != '.') {
            qualifier = null;
          }
        }
      }
      i = end;
    }
    return changed ? new Expr(out.toString(), expr.span()) : expr;
  }

  /** The name as an identifier: bare when PostgreSQL would fold it to itself, else quoted. */
  private static String identifier(String name) {
    return PLAIN.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static boolean wordStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static char before(String sql, int i) {
    return i == 0 ? ' ' : sql.charAt(i - 1);
  }

  private static int skipBlanks(String sql, int i) {
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of the string literal opening at {@code quote} ({@code ''} doubles a quote). */
  private static int stringEnd(String sql, int quote, boolean backslashEscapes) {
    int i = quote + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == '\'') {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** The dollar-quote tag ({@code $$}, {@code $tag$}) opening at {@code i}, or null. */
  private static String dollarTag(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j))
        || sql.charAt(j) == '_')) {
      j++;
    }
    if (j < sql.length() && sql.charAt(j) == '$'
        && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
      return sql.substring(i, j + 1);
    }
    return null;
  }
}
