package dev.strata.grammar.ast;

import java.util.OptionalInt;

/**
 * A column type of the neutral subset.
 *
 * @param kind the type
 * @param size {@code VARCHAR(n)}/{@code CHAR(n)} length, {@code NUMERIC(p, s)} precision,
 *     {@code TIMESTAMP(p)}/{@code TIME(p)} fractional digits
 * @param scale {@code NUMERIC(p, s)} scale
 */
public record DataType(Kind kind, OptionalInt size, OptionalInt scale) {

  /** A type without size or scale. */
  public static DataType of(Kind kind) {
    return new DataType(kind, OptionalInt.empty(), OptionalInt.empty());
  }

  /** The types of the neutral subset; aliases ({@code INT}, {@code DECIMAL}, ...) map onto these. */
  public enum Kind {
    SMALLINT,
    INTEGER,
    BIGINT,
    NUMERIC,
    REAL,
    DOUBLE_PRECISION,
    VARCHAR,
    CHAR,
    TEXT,
    BOOLEAN,
    DATE,
    TIME,
    /** {@code TIMESTAMP [WITHOUT TIME ZONE]} */
    TIMESTAMP,
    /** {@code TIMESTAMP WITH TIME ZONE}, {@code TIMESTAMPTZ} */
    TIMESTAMPTZ,
    INTERVAL,
    JSON,
    JSONB,
    UUID,
    BYTEA
  }
}
