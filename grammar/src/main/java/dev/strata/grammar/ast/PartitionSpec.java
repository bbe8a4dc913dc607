package dev.strata.grammar.ast;

import java.util.List;

/**
 * {@code PARTITION BY RANGE|LIST|HASH (keys)} of a partitioned table. A key is a column or an
 * expression with an optional collation and operator class, never an order ({@link
 * IndexElement} with {@code order} and {@code nulls} left at their defaults).
 */
public record PartitionSpec(Strategy strategy, List<IndexElement> keys) {
  public PartitionSpec {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("PARTITION BY names at least one key");
    }
    if (keys.stream().anyMatch(k -> k.order() != IndexElement.SortOrder.DEFAULT
        || k.nulls() != IndexElement.NullsOrder.DEFAULT)) {
      throw new IllegalArgumentException("a partition key has no order");
    }
  }

  /** How rows are assigned to partitions. */
  public enum Strategy {
    RANGE,
    LIST,
    HASH
  }
}
