package dev.strata.compiler.schema;

import dev.strata.grammar.ast.ViewDefinition;
import java.util.Objects;
import java.util.Optional;

/** A view or materialized view: its definition as written (query, columns, options). */
public record View(
    ObjectName name,
    boolean materialized,
    ViewDefinition definition,
    Optional<String> comment,
    Origin origin) {
  public View {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(origin, "origin");
  }
}
