package dev.strata.dialects;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The parts of a translated expression that jOOQ 3.20 renders wrongly for a dialect, spelled here
 * (each says what jOOQ writes instead), used by {@link ExpressionTranslator} in place of jOOQ's.
 * The templates hold no text of the revision: the operand is a jOOQ part rendered by jOOQ.
 */
final class TranslatedSql {
  private TranslatedSql() {}

  /**
   * {@code cast(x AS double)} / {@code cast(x AS float)} for MySQL and MariaDB, which have both
   * casts (MySQL 8.0.17+; MariaDB 10.4+, run by the tests on 10.11): jOOQ writes {@code cast(x AS
   * decimal)}, MySQL's {@code DECIMAL(10, 0)}, which drops the fraction (jOOQ #10879).
   */
  static Field<?> floatCast(Field<?> operand, boolean single) {
    return single
        ? DSL.field("cast({0} AS float)", SQLDataType.REAL, operand)
        : DSL.field("cast({0} AS double)", SQLDataType.DOUBLE, operand);
  }

  /**
   * A version 4 UUID as text for SQLite, built by jOOQ from SQLite's {@code randomblob}, {@code
   * hex}, {@code substr} and {@code random} (the version digit 4, the variant digit one of
   * {@code 89ab}): jOOQ's own emulation of {@code gen_random_uuid()} is a scalar subquery, which
   * SQLite refuses in a {@code DEFAULT} ("default value of column is not constant").
   */
  static Field<String> sqliteUuid() {
    Field<String> variant = DSL.substring(
        DSL.inline("89ab"),
        DSL.inline(1).plus(DSL.bitAnd(DSL.function("random", SQLDataType.BIGINT), DSL.inline(3L))),
        DSL.inline(1));
    return DSL.lower(DSL.concat(
        hex(4), DSL.inline("-"),
        hex(2), DSL.inline("-4"),
        DSL.substring(hex(2), DSL.inline(2)), DSL.inline("-"),
        variant, DSL.substring(hex(2), DSL.inline(2)), DSL.inline("-"),
        hex(6)));
  }

  /**
   * PostgreSQL's {@code random()}, a float in [0, 1), for SQLite, whose {@code random()} is a
   * 64-bit integer (jOOQ writes SQLite's {@code random()} as it is): the integer scaled into
   * [0, 1).
   */
  static Field<Double> sqliteRandom() {
    return DSL.field("(random() / 18446744073709551616.0 + 0.5)", SQLDataType.DOUBLE);
  }

  /**
   * A cast to a date or time type in SQLite as its date function ({@code date(x)}, {@code
   * time(x)}, {@code datetime(x)}): jOOQ writes {@code cast(x AS date)}, which SQLite reads as a
   * cast to NUMERIC and turns {@code '2024-05-01'} into the number 2024.
   */
  static Field<String> sqliteDateFunction(String function, Field<?> operand) {
    return DSL.function(function, SQLDataType.VARCHAR, operand);
  }

  /**
   * {@code (x GLOB 'pattern')}, SQLite's case-sensitive whole-string match, for a {@code SIMILAR
   * TO} ({@link SimilarToPattern#glob}): jOOQ has no {@code GLOB}.
   */
  static Condition sqliteGlob(Field<?> value, String pattern) {
    return DSL.condition(
        DSL.field("({0} GLOB {1})", SQLDataType.BOOLEAN, value, DSL.inline(pattern)));
  }

  private static Field<String> hex(int bytes) {
    return DSL.function("hex", SQLDataType.VARCHAR,
        DSL.function("randomblob", SQLDataType.BLOB, DSL.inline(bytes)));
  }
}
