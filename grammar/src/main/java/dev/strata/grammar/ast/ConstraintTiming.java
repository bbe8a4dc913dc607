package dev.strata.grammar.ast;

import java.util.Objects;

/**
 * When a key, unique or foreign-key constraint is checked: {@code [NOT] DEFERRABLE} and {@code
 * INITIALLY DEFERRED|IMMEDIATE} as written ({@code DEFAULT} where a clause was not written; as in
 * PostgreSQL, {@code INITIALLY DEFERRED} alone means {@code DEFERRABLE INITIALLY DEFERRED}). {@code
 * NOT DEFERRABLE INITIALLY DEFERRED} is refused (PostgreSQL's "constraint declared INITIALLY
 * DEFERRED must be DEFERRABLE").
 */
public record ConstraintTiming(Deferrable deferrable, Initially initially) {
  /** Nothing written: not deferrable. */
  public static final ConstraintTiming NONE =
      new ConstraintTiming(Deferrable.DEFAULT, Initially.DEFAULT);

  public ConstraintTiming {
    Objects.requireNonNull(deferrable, "deferrable");
    Objects.requireNonNull(initially, "initially");
    if (deferrable == Deferrable.NOT_DEFERRABLE && initially == Initially.DEFERRED) {
      throw new IllegalArgumentException("INITIALLY DEFERRED needs a DEFERRABLE constraint");
    }
  }

  /** Whether neither clause was written. */
  public boolean isDefault() {
    return deferrable == Deferrable.DEFAULT && initially == Initially.DEFAULT;
  }

  /** The clauses as SQL words in PostgreSQL's order, e.g. {@code DEFERRABLE INITIALLY DEFERRED}; empty for {@link #NONE}. */
  public String sql() {
    String first = switch (deferrable) {
      case DEFAULT -> "";
      case DEFERRABLE -> "DEFERRABLE";
      case NOT_DEFERRABLE -> "NOT DEFERRABLE";
    };
    String second = switch (initially) {
      case DEFAULT -> "";
      case IMMEDIATE -> "INITIALLY IMMEDIATE";
      case DEFERRED -> "INITIALLY DEFERRED";
    };
    return (first + " " + second).strip();
  }

  /** {@code DEFERRABLE}, {@code NOT DEFERRABLE}, or neither written. */
  public enum Deferrable {
    DEFAULT,
    DEFERRABLE,
    NOT_DEFERRABLE
  }

  /** {@code INITIALLY IMMEDIATE}, {@code INITIALLY DEFERRED}, or neither written. */
  public enum Initially {
    DEFAULT,
    IMMEDIATE,
    DEFERRED
  }
}
