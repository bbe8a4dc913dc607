package dev.strata.compiler.schema;

import java.util.Objects;

/** One column of one table: {@code table.column} (the column name folded). */
public record ColumnRef(ObjectName table, String column) {
  public ColumnRef {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(column, "column");
  }
}
