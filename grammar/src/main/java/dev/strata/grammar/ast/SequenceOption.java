package dev.strata.grammar.ast;

import java.util.Optional;

/**
 * One option of {@code CREATE SEQUENCE}, {@code ALTER SEQUENCE} or an identity column's sequence
 * ({@code GENERATED ... AS IDENTITY (options)}), as PostgreSQL's {@code SeqOptElem}. Numbers are
 * 64-bit, as PostgreSQL's sequence values. Which options a statement allows (only {@code ALTER}
 * restarts, only an identity names its sequence) is checked by the parser.
 */
public sealed interface SequenceOption {

  /** {@code AS type}: the sequence's data type ({@code smallint}, {@code integer}, {@code bigint}). */
  record As(DataType type) implements SequenceOption {}

  /** {@code INCREMENT [BY] n} */
  record IncrementBy(long value) implements SequenceOption {}

  /** {@code MINVALUE n}, or {@code NO MINVALUE} (empty: the type's default) */
  record MinValue(Optional<Long> value) implements SequenceOption {}

  /** {@code MAXVALUE n}, or {@code NO MAXVALUE} (empty: the type's default) */
  record MaxValue(Optional<Long> value) implements SequenceOption {}

  /** {@code START [WITH] n} */
  record StartWith(long value) implements SequenceOption {}

  /** {@code RESTART [[WITH] n]} (empty: restart at the start value); {@code ALTER} only */
  record Restart(Optional<Long> value) implements SequenceOption {}

  /** {@code CACHE n} */
  record Cache(long value) implements SequenceOption {}

  /** {@code CYCLE} ({@code cycle}) or {@code NO CYCLE} */
  record Cycle(boolean cycle) implements SequenceOption {}

  /**
   * {@code OWNED BY [schema.]table.column}, or {@code OWNED BY NONE} (both empty). {@code table} and
   * {@code column} are present together.
   */
  record OwnedBy(Optional<QualifiedName> table, Optional<Identifier> column)
      implements SequenceOption {
    public OwnedBy {
      if (table.isPresent() != column.isPresent()) {
        throw new IllegalArgumentException("OWNED BY names a table and a column, or NONE");
      }
    }
  }

  /** {@code SEQUENCE NAME name}: the name of an identity column's sequence */
  record SequenceName(QualifiedName name) implements SequenceOption {}

  /** The option as PostgreSQL's error messages name it, e.g. {@code INCREMENT}. */
  default String keyword() {
    return switch (this) {
      case As ignored -> "AS";
      case IncrementBy ignored -> "INCREMENT";
      case MinValue ignored -> "MINVALUE";
      case MaxValue ignored -> "MAXVALUE";
      case StartWith ignored -> "START";
      case Restart ignored -> "RESTART";
      case Cache ignored -> "CACHE";
      case Cycle ignored -> "CYCLE";
      case OwnedBy ignored -> "OWNED BY";
      case SequenceName ignored -> "SEQUENCE NAME";
    };
  }
}
