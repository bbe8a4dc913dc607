package dev.strata.compiler.lint;

import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.DataType.Kind;
import java.util.Set;

/**
 * Which column type changes PostgreSQL makes without rewriting the table: the binary-coercible
 * ones whose new type modifier accepts every old value ({@code ATColumnChangeRequiresRewrite} in
 * PostgreSQL's {@code tablecmds.c}; the manual's ALTER TABLE, "Notes": "when the old type is
 * either binary coercible to the new type or an unconstrained domain over the new type, a table
 * rewrite is not needed"). Anything else, including a change with {@code USING}, is counted as a
 * rewrite.
 */
public final class ColumnTypes {
  private static final Set<Kind> STRINGS = Set.of(Kind.VARCHAR, Kind.TEXT);

  private ColumnTypes() {}

  /**
   * Whether changing a column from {@code from} to {@code to} rewrites the table: false for the same
   * type, {@code VARCHAR(n)} to {@code VARCHAR(m)} with {@code m >= n}, {@code VARCHAR[(n)]} to
   * {@code TEXT} or unbounded {@code VARCHAR}, {@code TEXT} to unbounded {@code VARCHAR}, {@code
   * NUMERIC(p, s)} to {@code NUMERIC(q, s)} with {@code q >= p} or to unconstrained {@code
   * NUMERIC}, {@code VARBIT(n)} to a wider or unbounded {@code VARBIT}, and {@code TIMESTAMP(p)},
   * {@code TIME(p)}, {@code INTERVAL(p)} to more fractional digits; true for every other change.
   *
   * @param using whether the change has a {@code USING} expression (always counted as a rewrite)
   */
  public static boolean rewrites(DataType from, DataType to, boolean using) {
    if (using || from.isArray() != to.isArray() || from.arrayDimensions() != to.arrayDimensions()) {
      return true;
    }
    if (from.equals(to)) {
      return false;
    }
    if (STRINGS.contains(from.kind()) && STRINGS.contains(to.kind())) {
      if (to.kind() == Kind.TEXT || to.size().isEmpty()) {
        return false;
      }
      return from.kind() == Kind.TEXT || from.size().isEmpty()
          || to.size().getAsInt() < from.size().getAsInt();
    }
    if (from.kind() != to.kind()) {
      return true;
    }
    return switch (from.kind()) {
      case NUMERIC -> !(to.size().isEmpty()
          || from.size().isPresent() && from.scale().orElse(0) == to.scale().orElse(0)
              && to.size().getAsInt() >= from.size().getAsInt());
      case VARBIT, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ, INTERVAL -> !(to.size().isEmpty()
          || from.size().isPresent() && to.size().getAsInt() >= from.size().getAsInt());
      default -> true;
    };
  }
}
