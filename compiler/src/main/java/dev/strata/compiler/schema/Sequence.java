package dev.strata.compiler.schema;

import dev.strata.grammar.ast.SequenceOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sequence made by {@code CREATE SEQUENCE} (the sequences behind {@code SERIAL} and identity
 * columns belong to their columns and are not listed).
 *
 * @param options the options in force, at most one of each kind, {@code OwnedBy} excluded
 * @param ownedBy the column it is {@code OWNED BY}, dropped with it
 */
public record Sequence(
    ObjectName name,
    List<SequenceOption> options,
    Optional<ColumnRef> ownedBy,
    Optional<String> comment,
    Origin origin) {
  public Sequence {
    Objects.requireNonNull(name, "name");
    options = List.copyOf(options);
    Objects.requireNonNull(ownedBy, "ownedBy");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(origin, "origin");
    if (options.stream().anyMatch(SequenceOption.OwnedBy.class::isInstance)) {
      throw new IllegalArgumentException("OWNED BY is the ownedBy component, not an option");
    }
  }
}
