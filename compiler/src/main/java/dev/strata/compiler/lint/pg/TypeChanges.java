package dev.strata.compiler.lint.pg;

import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.DataType.Kind;

/**
 * Which column type changes PostgreSQL makes without rewriting the table: the binary-compatible
 * ones its {@code ATColumnChangeRequiresRewrite} lets through (a relabel with no length check that
 * can fail, or one that only widens it), as strong_migrations lists them for "Changing the type of
 * a column".
 */
final class TypeChanges {
  private TypeChanges() {}

  /**
   * Whether changing a column from {@code from} to {@code to} leaves the table in place: the same
   * type; {@code VARCHAR(n)} to {@code VARCHAR(m)} with {@code m >= n}, to {@code VARCHAR} or to
   * {@code TEXT}; {@code VARCHAR} or {@code TEXT} to {@code VARCHAR} without a limit or {@code
   * TEXT}; {@code NUMERIC(p, s)} to {@code NUMERIC(p', s)} with {@code p' >= p}, or to {@code
   * NUMERIC}. Array dimensions must match.
   */
  static boolean inPlace(DataType from, DataType to) {
    if (from.equals(to)) {
      return true;
    }
    if (from.arrayDimensions() != to.arrayDimensions()) {
      return false;
    }
    boolean fromText = from.kind() == Kind.TEXT || from.kind() == Kind.VARCHAR;
    if (fromText && (to.kind() == Kind.TEXT
        || (to.kind() == Kind.VARCHAR && to.size().isEmpty()))) {
      return true;
    }
    if (from.kind() == Kind.VARCHAR && to.kind() == Kind.VARCHAR) {
      return from.size().isPresent() && to.size().getAsInt() >= from.size().getAsInt();
    }
    if (from.kind() == Kind.NUMERIC && to.kind() == Kind.NUMERIC) {
      if (to.size().isEmpty()) {
        return true;
      }
      return from.size().isPresent() && to.size().getAsInt() >= from.size().getAsInt()
          && from.scale().orElse(0) == to.scale().orElse(0);
    }
    return false;
  }
}
