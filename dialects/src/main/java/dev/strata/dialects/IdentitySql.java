package dev.strata.dialects;

import dev.strata.grammar.ast.SequenceOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Name;

/**
 * The identity-column changes of {@code ALTER TABLE t ALTER COLUMN c}, hand-written since jOOQ
 * 3.20 has none of them: {@code ADD GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(options)]} (the
 * form pg_dump writes, also used for an identity column declared with options, since jOOQ renders
 * an identity without them), {@code SET GENERATED ...}, {@code SET option}, {@code RESTART [WITH
 * n]}, and {@code DROP IDENTITY [IF EXISTS]}.
 */
final class IdentitySql {
  private IdentitySql() {}

  static String add(SqlContext sql, Name table, boolean ifExists, Name column, boolean always,
      List<SequenceOption> options) {
    return prefix(sql, table, ifExists, column)
        + " ADD GENERATED "
        + (always ? "ALWAYS" : "BY DEFAULT")
        + " AS IDENTITY"
        + (options.isEmpty() ? "" : " (" + SequenceOptionSql.options(sql, options) + ")");
  }

  /** {@code SET GENERATED} first when given, then the options in written order. */
  static String alter(SqlContext sql, Name table, boolean ifExists, Name column,
      Optional<Boolean> always, List<SequenceOption> options) {
    List<String> changes = new ArrayList<>();
    always.ifPresent(a -> changes.add("SET GENERATED " + (a ? "ALWAYS" : "BY DEFAULT")));
    for (SequenceOption option : options) {
      String text = SequenceOptionSql.option(sql, option);
      changes.add(option instanceof SequenceOption.Restart ? text : "SET " + text);
    }
    return prefix(sql, table, ifExists, column) + " " + String.join(" ", changes);
  }

  static String drop(SqlContext sql, Name table, boolean ifExists, Name column,
      boolean ifIdentityExists) {
    return prefix(sql, table, ifExists, column)
        + " DROP IDENTITY"
        + (ifIdentityExists ? " IF EXISTS" : "");
  }

  private static String prefix(SqlContext sql, Name table, boolean ifExists, Name column) {
    return "ALTER TABLE "
        + (ifExists ? "IF EXISTS " : "")
        + sql.render(table)
        + " ALTER COLUMN "
        + sql.render(column);
  }
}
