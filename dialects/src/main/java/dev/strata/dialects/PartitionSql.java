package dev.strata.dialects;

import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.PartitionBound;
import dev.strata.grammar.ast.PartitionSpec;
import java.util.ArrayList;
import java.util.List;

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
  String spec(PartitionSpec spec, Site site) throws DiagnosticException {
    return "PARTITION BY " + spec.strategy().name() + " " + keys.keys(spec.keys(), site);
  }

  /** {@code FOR VALUES IN (...)}, {@code FOR VALUES FROM (...) TO (...)}, ... or {@code DEFAULT} */
  String bound(PartitionBound bound, Site site) throws DiagnosticException {
    return switch (bound) {
      case PartitionBound.In in -> "FOR VALUES IN " + values(in.values(), site);
      case PartitionBound.Range range ->
          "FOR VALUES FROM " + values(range.from(), site) + " TO " + values(range.to(), site);
      case PartitionBound.Hash hash ->
          "FOR VALUES WITH (MODULUS " + hash.modulus() + ", REMAINDER " + hash.remainder() + ")";
      case PartitionBound.Default ignored -> "DEFAULT";
    };
  }

  private String values(List<Expr> values, Site site) throws DiagnosticException {
    List<String> out = new ArrayList<>();
    for (Expr value : values) {
      out.add(expressions.text(value, site));
    }
    return "(" + String.join(", ", out) + ")";
  }
}
