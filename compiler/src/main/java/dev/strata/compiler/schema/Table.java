package dev.strata.compiler.schema;

import dev.strata.grammar.ast.PartitionSpec;
import dev.strata.grammar.ast.StorageParameter;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A table: its columns in order, its constraints in order of creation, and its table-level
 * attributes.
 *
 * @param partitionOf the parent table when it is a partition ({@code PARTITION OF})
 */
public record Table(
    ObjectName name,
    List<Column> columns,
    List<Constraint> constraints,
    boolean unlogged,
    Optional<PartitionSpec> partitionBy,
    Optional<ObjectName> partitionOf,
    List<StorageParameter> options,
    Optional<String> comment,
    Origin origin) {
  public Table {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    constraints = List.copyOf(constraints);
    Objects.requireNonNull(partitionBy, "partitionBy");
    Objects.requireNonNull(partitionOf, "partitionOf");
    options = List.copyOf(options);
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(origin, "origin");
    // a loop, not a stream: a replay makes a table per column it adds
    Set<String> names = new HashSet<>();
    for (Column column : columns) {
      if (!names.add(column.name())) {
        throw new IllegalArgumentException("table " + name + " has two columns of one name");
      }
    }
  }

  /** The column named {@code name} (folded), or empty. */
  public Optional<Column> column(String name) {
    for (Column column : columns) {
      if (column.name().equals(name)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  /** The constraint named {@code name} (folded), or empty. */
  public Optional<Constraint> constraint(String name) {
    return constraints.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The primary key, or empty. */
  public Optional<Constraint.PrimaryKey> primaryKey() {
    return constraints.stream()
        .filter(Constraint.PrimaryKey.class::isInstance)
        .map(Constraint.PrimaryKey.class::cast)
        .findFirst();
  }
}
