package dev.strata.grammar.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a function or procedure (or one column of {@code RETURNS TABLE (...)}), split
 * as PostgreSQL's {@code func_arg} reads it: {@code [mode] [name] type [DEFAULT value]}.
 *
 * @param mode {@code IN}, {@code OUT}, {@code INOUT} or {@code VARIADIC}, upper-cased, when written
 * @param name the parameter's name, when written
 * @param type the type as written ({@code numeric(10, 2)}, {@code text[]}, {@code users.id%TYPE})
 * @param defaultValue the value after {@code DEFAULT} or {@code =}
 */
public record RoutineParameter(
    Optional<String> mode, Optional<Identifier> name, String type, Optional<Expr> defaultValue) {
  public RoutineParameter {
    Objects.requireNonNull(type, "type");
    if (type.isBlank()) {
      throw new IllegalArgumentException("a parameter always has a type");
    }
  }
}
