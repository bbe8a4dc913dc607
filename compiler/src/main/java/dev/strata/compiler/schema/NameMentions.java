package dev.strata.compiler.schema;

import java.util.Locale;

/**
 * Whether the text of an expression or query names a column, for the checks that a rename or a
 * drop would leave a view, a check, a generated column or an index naming what is gone: the schema
 * model's (a view over a renamed view column, {@code ViewApplier}) and the dialects' (SQLite's
 * table rebuild and in-place {@code DROP COLUMN}, MySQL's checks of a column under a view).
 */
public final class NameMentions {
  private NameMentions() {}

  /**
   * Whether {@code sql} names {@code column} (folded) outside string literals: as a bare word,
   * compared lower-cased, or as a quoted identifier. It may name another object of that name: a
   * false hit only errs on the safe side (a rebuild of a column SQLite could drop in place, a
   * MySQL refusal of a change a view would survive).
   */
  public static boolean mentions(String sql, String column) {
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        i = sql.indexOf('\'', i + 1);
        if (i < 0) {
          return false;
        }
        i++;
      } else if (c == '"') {
        StringBuilder word = new StringBuilder();
        int j = i + 1;
        while (j < sql.length()) {
          if (sql.charAt(j) == '"') {
            if (j + 1 < sql.length() && sql.charAt(j + 1) == '"') {
              word.append('"');
              j += 2;
              continue;
            }
            break;
          }
          word.append(sql.charAt(j++));
        }
        if (word.toString().equals(column)) {
          return true;
        }
        i = j + 1;
      } else if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j))
            || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
          j++;
        }
        if (sql.substring(i, j).toLowerCase(Locale.ROOT).equals(column)) {
          return true;
        }
        i = j;
      } else {
        i++;
      }
    }
    return false;
  }
}
