package dev.strata.dialects;

import dev.strata.grammar.ast.Operation.PostgresOnly.SetSetting;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;

/**
 * {@code SET name = value}, {@code SET TIME ZONE value} and {@code RESET name}, as a revision's
 * settings are rendered (see {@code docs/scripts.md}, "Settings in a revision"): always at session
 * level, whatever scope the revision wrote, since strata itself ends them with the revision.
 * Hand-written because jOOQ's {@code set(name, value)} takes a bind value, not a value as written
 * ({@code public, "$user"}, {@code DEFAULT}, {@code INTERVAL '+02:00' HOUR TO MINUTE}), and has no
 * {@code RESET}. The name is rendered by jOOQ.
 */
final class SettingSql {
  private SettingSql() {}

  /** The statement that makes {@code set}'s setting: {@code timezone} as {@code SET TIME ZONE}. */
  static String apply(SqlContext sql, SetSetting set) {
    String value = set.value().map(v -> v.sql().replace("\r\n", "\n").replace('\r', '\n'))
        .orElse("DEFAULT");
    if (set.name().equals("timezone")) {
      return "SET TIME ZONE " + value;
    }
    return "SET " + name(sql, set.name()) + " = " + value;
  }

  /** {@code SET name = 'value'}, a value given as plain text (a script option). */
  static String literal(SqlContext sql, String name, String value) {
    return "SET " + name(sql, name) + " = " + Guard.literal(value);
  }

  /** {@code RESET name}: back to the value the session started with. */
  static String reset(SqlContext sql, String name) {
    return "RESET " + name(sql, name);
  }

  /** A setting name as PostgreSQL looks it up: each dotted part quoted only when it must be. */
  private static String name(SqlContext sql, String name) {
    return Arrays.stream(name.split("\\.", -1))
        .map(part -> part.matches("[a-z_][a-z0-9_$]*")
            ? part
            : sql.render(DSL.quotedName(part)))
        .collect(Collectors.joining("."));
  }
}
