package dev.strata.compiler.schema;

import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.IndexElement;
import dev.strata.grammar.ast.StorageParameter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An index created by {@code CREATE INDEX} (the indexes of primary-key and unique constraints are
 * their constraints'). Its name is in its table's schema, as in PostgreSQL; one created without a
 * name gets PostgreSQL's generated one ({@code <table>_<columns>_idx}).
 */
public record Index(
    ObjectName name,
    ObjectName table,
    boolean unique,
    Optional<String> method,
    List<IndexElement> keys,
    List<String> include,
    boolean nullsNotDistinct,
    List<StorageParameter> options,
    Optional<Expr> where,
    Optional<String> comment,
    Origin origin) {
  public Index {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(method, "method");
    keys = List.copyOf(keys);
    include = List.copyOf(include);
    options = List.copyOf(options);
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(origin, "origin");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " has no key");
    }
  }
}
