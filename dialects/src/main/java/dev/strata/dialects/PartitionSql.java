package dev.strata.dialects;

import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.PartitionBound;
import dev.strata.grammar.ast.PartitionSpec;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Partitioning clauses, which jOOQ 3.20 has no form for: {@code PARTITION BY strategy (keys)}, the
 * bounds {@code FOR VALUES ...} / {@code DEFAULT}, and the whole {@code CREATE TABLE ... PARTITION
 * OF} statement (its constraints are rendered by the caller, with jOOQ where it can). Names come from
 * jOOQ, bound values as written.
 */
final class PartitionSql {
  private final SqlContext sql;
  private final Expressions expressions;
  private final IndexKeySql keys;

  PartitionSql(SqlContext sql, Expressions expressions, IndexKeySql keys) {
    this.sql = sql;
    this.expressions = expressions;
    this.keys = keys;
  }

  /** {@code PARTITION BY RANGE (created_at)} */
  String spec(PartitionSpec spec) {
    return "PARTITION BY " + spec.strategy().name() + " " + keys.keys(spec.keys());
  }

  /** {@code FOR VALUES IN (...)}, {@code FOR VALUES FROM (...) TO (...)}, ... or {@code DEFAULT} */
  String bound(PartitionBound bound) {
    return switch (bound) {
      case PartitionBound.In in -> "FOR VALUES IN " + values(in.values());
      case PartitionBound.Range range ->
          "FOR VALUES FROM " + values(range.from()) + " TO " + values(range.to());
      case PartitionBound.Hash hash ->
          "FOR VALUES WITH (MODULUS " + hash.modulus() + ", REMAINDER " + hash.remainder() + ")";
      case PartitionBound.Default ignored -> "DEFAULT";
    };
  }

  private String values(List<Expr> values) {
    return values.stream().map(expressions::text).collect(Collectors.joining(", ", "(", ")"));
  }
}
