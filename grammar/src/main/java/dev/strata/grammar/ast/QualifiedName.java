package dev.strata.grammar.ast;

import java.util.Optional;

/** A possibly schema-qualified object name: {@code [schema.]name}. */
public record QualifiedName(Optional<Identifier> schema, Identifier name) {
  /** An unqualified, unquoted name. */
  public static QualifiedName of(String name) {
    return new QualifiedName(Optional.empty(), Identifier.of(name));
  }
}
