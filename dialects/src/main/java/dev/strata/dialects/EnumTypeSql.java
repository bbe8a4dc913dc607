package dev.strata.dialects;

import dev.strata.grammar.ast.Operation.EnumPosition;
import java.util.Optional;
import org.jooq.Name;
import org.jooq.impl.DSL;

/**
 * The enum-type forms jOOQ cannot build, hand-written: {@code CREATE TYPE t AS ENUM ()} (jOOQ
 * 3.20's {@code asEnum()} with no value renders a composite {@code AS ()}), and {@code ALTER TYPE
 * t ADD VALUE} with {@code IF NOT EXISTS} or {@code BEFORE}/{@code AFTER} (jOOQ's {@code
 * addValue} has neither). Values are rendered as jOOQ inlines string literals.
 */
final class EnumTypeSql {
  private EnumTypeSql() {}

  static String createEmpty(SqlContext sql, Name type) {
    return "CREATE TYPE " + sql.render(type) + " AS ENUM ()";
  }

  static String addValue(SqlContext sql, Name type, String value, boolean ifNotExists,
      Optional<EnumPosition> position) {
    return "ALTER TYPE "
        + sql.render(type)
        + " ADD VALUE "
        + (ifNotExists ? "IF NOT EXISTS " : "")
        + literal(sql, value)
        + position
            .map(p -> (p.before() ? " BEFORE " : " AFTER ") + literal(sql, p.neighbor()))
            .orElse("");
  }

  private static String literal(SqlContext sql, String value) {
    return sql.render(DSL.inline(value));
  }
}
