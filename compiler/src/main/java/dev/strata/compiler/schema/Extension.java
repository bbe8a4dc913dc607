package dev.strata.compiler.schema;

import java.util.Objects;
import java.util.Optional;

/** An extension ({@code CREATE EXTENSION}), by its folded name; {@code schema} when written. */
public record Extension(String name, Optional<String> schema, Origin origin) {
  public Extension {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(origin, "origin");
  }
}
