package dev.strata.compiler.lint;

import dev.strata.grammar.ast.Expr;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a default expression is volatile in PostgreSQL's sense ({@code provolatile = 'v'} in
 * {@code pg_proc}): evaluated once per row, so that {@code ADD COLUMN ... DEFAULT expr} rewrites
 * the table instead of storing the default once in the catalog (PostgreSQL 11 and later; the
 * manual's ALTER TABLE, "Notes"). Stable functions such as {@code now()} or {@code
 * current_timestamp} are evaluated once per statement and do not rewrite.
 */
public final class Volatility {
  /** The volatile built-in functions a default is likely to call, lower-case. */
  private static final Set<String> VOLATILE = Set.of(
      "random", "random_normal", "gen_random_uuid", "uuid_generate_v1", "uuid_generate_v1mc",
      "uuid_generate_v4", "uuidv4", "uuidv7", "clock_timestamp", "timeofday", "nextval",
      "setval", "txid_current", "pg_current_xact_id");

  private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_$]*)\\s*\\(");

  private Volatility() {}

  /**
   * Whether {@code expr} calls a volatile function: one of PostgreSQL's volatile built-ins that
   * defaults use ({@code random()}, {@code gen_random_uuid()}, {@code uuid_generate_v4()}, {@code
   * clock_timestamp()}, {@code timeofday()}, {@code nextval(...)}). A call of a function strata
   * does not know is not counted (its volatility is in the database, not in the revision).
   */
  public static boolean isVolatile(Expr expr) {
    Matcher call = CALL.matcher(withoutStrings(expr.sql()));
    while (call.find()) {
      if (VOLATILE.contains(call.group(1).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  private static String withoutStrings(String sql) {
    return sql.replaceAll("'(?:[^']|'')*'", "''");
  }
}
