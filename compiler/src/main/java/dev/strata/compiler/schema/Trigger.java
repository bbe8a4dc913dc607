package dev.strata.compiler.schema;

import dev.strata.grammar.ast.Operation;
import java.util.Objects;

/**
 * A trigger, named per table as in PostgreSQL.
 *
 * @param definition the statement that created it, as parsed
 * @param sql that statement's text as written (without its {@code ;}): what {@code strata schema}
 *     prints to recreate the trigger
 */
public record Trigger(
    String name,
    ObjectName table,
    Operation.PostgresOnly.CreateTrigger definition,
    String sql,
    Origin origin) {
  public Trigger {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(origin, "origin");
  }

  /** {@code table.name}: the key of the model's triggers. */
  public String key() {
    return key(table, name);
  }

  /** The key of the trigger {@code name} on {@code table}. */
  public static String key(ObjectName table, String name) {
    return table.sql() + "." + ObjectName.quoted(name);
  }
}
