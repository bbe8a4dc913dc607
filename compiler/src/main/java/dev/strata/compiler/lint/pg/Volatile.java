package dev.strata.compiler.lint.pg;

import dev.strata.grammar.ast.Expr;
import java.util.regex.Pattern;

/**
 * Whether a default expression is volatile, so that {@code ADD COLUMN ... DEFAULT expr} rewrites
 * the table: PostgreSQL 11+ stores a non-volatile default once in the catalog ({@code
 * pg_attribute.attmissingval}) and evaluates a volatile one for every row. The functions are those
 * {@code pg_proc.provolatile = 'v'} marks among the ones defaults use; {@code now()} and {@code
 * CURRENT_TIMESTAMP} are stable, not volatile.
 */
final class Volatile {
  private static final Pattern VOLATILE = Pattern.compile(
      "(?i)\\b(random|gen_random_uuid|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4"
          + "|clock_timestamp|timeofday|nextval|setseed|txid_current|pg_current_xact_id)\\s*\\(");

  private Volatile() {}

  /** Whether {@code expr} calls a volatile function. */
  static boolean isVolatile(Expr expr) {
    return VOLATILE.matcher(expr.sql()).find();
  }
}
