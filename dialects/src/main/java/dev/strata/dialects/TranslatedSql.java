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

  /**
   * PostgreSQL's {@code a / b} of two integers, which truncates, for MySQL and MariaDB: {@code (a
   * DIV b)}. jOOQ writes {@code /}, which there keeps the fraction ({@code 7 / 2} is 3.5000).
   */
  static Field<Long> integerDivision(Field<?> dividend, Field<?> divisor) {
    return DSL.field("({0} DIV {1})", SQLDataType.BIGINT, dividend, divisor);
  }

  /**
   * A cast to an integer type in SQLite, rounding a REAL as PostgreSQL rounds a numeric (half away
   * from zero): jOOQ writes {@code cast(x AS int)}, which truncates 3.9 to 3. An INTEGER value is
   * cast as it is, never through a REAL, which would lose digits past 2^53.
   */
  static Field<Long> sqliteIntegerCast(Field<?> operand) {
    return DSL.field("CASE WHEN typeof({0}) = 'real' THEN CAST(round({0}) AS INTEGER)"
        + " ELSE CAST({0} AS INTEGER) END", SQLDataType.BIGINT, operand);
  }

  /**
   * PostgreSQL's {@code date + integer} (or {@code date - integer}, {@code negated}) in SQLite:
   * {@code date(d, CAST(n AS TEXT) || ' days')}, a date. jOOQ writes {@code d + n}, which adds a
   * number to the text {@code '2026-01-31'}.
   */
  static Field<String> sqliteDateAdd(Field<?> date, Field<?> days, boolean negated) {
    return DSL.field(negated
        ? "date({0}, CAST(-({1}) AS TEXT) || ' days')"
        : "date({0}, CAST({1} AS TEXT) || ' days')", SQLDataType.VARCHAR, date, days);
  }

  /**
   * A date computed by jOOQ's own date arithmetic ({@code CURRENT_DATE - 3}) in SQLite, as a
   * date: jOOQ writes {@code strftime('%Y-%m-%d %H:%M:%f', ...)}, a timestamp's text.
   */
  static Field<String> sqliteDate(Field<?> value) {
    return DSL.function("date", SQLDataType.VARCHAR, value);
  }

  /**
   * PostgreSQL's {@code octet_length(s)} in SQLite, the length in bytes: jOOQ writes {@code
   * length(s)}, the length in characters.
   */
  static Field<Integer> sqliteOctetLength(Field<?> value) {
    return DSL.field("length(CAST({0} AS BLOB))", SQLDataType.INTEGER, value);
  }

  /** {@code value} typed as a DATE, for jOOQ's date arithmetic ({@code DSL.dateAdd}). */
  static Field<java.sql.Date> typedDate(Field<?> value) {
    return DSL.field("{0}", SQLDataType.DATE, value);
  }

  /**
   * PostgreSQL's {@code j ->> path} in SQLite: the member's text, {@code 'true'} and {@code
   * 'false'} for JSON's booleans (SQLite's {@code json_extract} gives 1 and 0) and a number's
   * digits as text (it gives a number, which equals no text in a comparison); NULL for JSON's
   * {@code null} and a missing member, as in PostgreSQL. (A number keeps SQLite's digits: 1.50 is
   * {@code '1.5'}; an object or an array SQLite's text of it, without PostgreSQL's spaces.)
   */
  static Field<String> sqliteJsonText(Field<?> json, Field<String> path) {
    return DSL.field("CASE json_type({0}, {1}) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false'"
        + " ELSE CAST(json_extract({0}, {1}) AS TEXT) END", SQLDataType.VARCHAR, json, path);
  }

  /** The JSON path of the member named by {@code key}, a value that is not a literal. */
  static Field<String> sqliteMemberPath(Field<String> key) {
    return DSL.field("('$.' || {0})", SQLDataType.VARCHAR, key);
  }

  /**
   * PostgreSQL's {@code a / b} where one operand is a NUMERIC, REAL or DOUBLE PRECISION, in
   * SQLite: {@code (CAST(a AS REAL) / b)}. SQLite keeps a NUMERIC without a fraction (10.00) as
   * an integer, and divides two integers as integers (10.00 / 4 is 2 there, 2.5 in PostgreSQL).
   */
  static Field<Double> sqliteRealDivision(Field<?> dividend, Field<?> divisor) {
    return DSL.field("(CAST({0} AS REAL) / {1})", SQLDataType.DOUBLE, dividend, divisor);
  }

  /**
   * PostgreSQL's {@code a % b} of numbers with a fraction, in SQLite: its {@code mod()} (a math
   * function of the sqlite3 shell since 3.35); SQLite's {@code %} casts both to integers (1234.5 %
   * 7 is 2 there, 2.5 in PostgreSQL).
   */
  static Field<Double> sqliteRealModulo(Field<?> dividend, Field<?> divisor) {
    return DSL.field("mod({0}, {1})", SQLDataType.DOUBLE, dividend, divisor);
  }

  /** {@code value} typed as a TIMESTAMP, for jOOQ's timestamp arithmetic. */
  static Field<java.sql.Timestamp> typedTimestamp(Field<?> value) {
    return DSL.field("{0}", SQLDataType.TIMESTAMP, value);
  }

  /**
   * A boolean as PostgreSQL's text of it, {@code 'true'} or {@code 'false'} (NULL for NULL): MySQL,
   * MariaDB and SQLite cast their 1 and 0 to {@code '1'} and {@code '0'}.
   */
  static Field<String> booleanText(Field<?> value) {
    return DSL.field("CASE WHEN {0} THEN 'true' WHEN NOT {0} THEN 'false' END",
        SQLDataType.VARCHAR, value);
  }
}
