package dev.strata.compiler.schema;

import java.util.Objects;

/**
 * A {@code -- +dialect} block the model could not follow: from this revision on, the schema may
 * hold changes the model does not know of, and a check that could be wrong because of them says
 * so instead of guessing.
 *
 * @param dialect the block's dialect ({@code postgresql}), or {@code DO} for a {@code DO} block,
 *     whose PL/pgSQL body may run any DDL
 */
public record HandEdit(String dialect, Origin origin) {
  public HandEdit {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(origin, "origin");
  }
}
