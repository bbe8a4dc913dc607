package dev.strata.compiler.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An enum type with its values in order (PostgreSQL sorts enum values in this order). */
public record EnumType(
    ObjectName name, List<String> values, Optional<String> comment, Origin origin) {
  public EnumType {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(origin, "origin");
    if (values.stream().distinct().count() != values.size()) {
      throw new IllegalArgumentException("enum type " + name + " lists a value twice");
    }
  }
}
