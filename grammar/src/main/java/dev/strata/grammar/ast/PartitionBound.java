package dev.strata.grammar.ast;

import java.util.List;

/**
 * The rows a partition holds: {@code FOR VALUES IN (...)}, {@code FOR VALUES FROM (...) TO (...)},
 * {@code FOR VALUES WITH (MODULUS m, REMAINDER r)} or {@code DEFAULT}. Values are kept as written
 * ({@code MINVALUE} and {@code MAXVALUE} included).
 */
public sealed interface PartitionBound {

  /** {@code FOR VALUES IN (values)} of a list partition */
  record In(List<Expr> values) implements PartitionBound {
    public In {
      values = List.copyOf(values);
    }
  }

  /** {@code FOR VALUES FROM (from) TO (to)} of a range partition, one value per key */
  record Range(List<Expr> from, List<Expr> to) implements PartitionBound {
    public Range {
      from = List.copyOf(from);
      to = List.copyOf(to);
      if (from.size() != to.size()) {
        throw new IllegalArgumentException("FROM and TO have one value per key");
      }
    }
  }

  /** {@code FOR VALUES WITH (MODULUS modulus, REMAINDER remainder)} of a hash partition */
  record Hash(int modulus, int remainder) implements PartitionBound {
    public Hash {
      if (modulus < 1 || remainder < 0 || remainder >= modulus) {
        throw new IllegalArgumentException("need modulus > 0 and 0 <= remainder < modulus");
      }
    }
  }

  /** {@code DEFAULT}: the rows no other partition holds */
  record Default() implements PartitionBound {}
}
