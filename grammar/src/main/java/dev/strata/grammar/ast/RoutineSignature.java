package dev.strata.grammar.ast;

import java.util.List;
import java.util.Optional;

/**
 * A function or procedure as {@code DROP} and {@code ALTER} name it: its name and, when written,
 * its parameters (whose types are its identity; without them the name must be unique).
 */
public record RoutineSignature(QualifiedName name, Optional<List<RoutineParameter>> parameters) {
  public RoutineSignature {
    parameters = parameters.map(List::copyOf);
  }
}
