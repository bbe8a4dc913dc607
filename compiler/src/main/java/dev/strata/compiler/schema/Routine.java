package dev.strata.compiler.schema;

import dev.strata.grammar.ast.Operation;
import dev.strata.grammar.ast.RoutineKind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A function or procedure. Its identity is its name and its input argument types ({@link
 * #signature()}), as in PostgreSQL, where {@code f(integer)} and {@code f(text)} are two functions.
 *
 * @param argumentTypes the input argument types as written, lower-cased, in order
 * @param definition the statement that created it (body verbatim)
 * @param sql that statement's text as written (without its {@code ;}): what {@code strata schema}
 *     prints to recreate the routine
 */
public record Routine(
    ObjectName name,
    RoutineKind kind,
    List<String> argumentTypes,
    Operation.PostgresOnly.CreateRoutine definition,
    String sql,
    Origin origin) {
  public Routine {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    argumentTypes = argumentTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList();
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(origin, "origin");
  }

  /** {@code schema.name(type, ...)}: the key of the model's routines. */
  public String signature() {
    return signature(name, argumentTypes);
  }

  /** The signature of a routine named {@code name} taking {@code argumentTypes}. */
  public static String signature(ObjectName name, List<String> argumentTypes) {
    return name.sql() + "(" + String.join(", ",
        argumentTypes.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).toList()) + ")";
  }
}
