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
   * time(x)}, {@code datetime(x)}), for {@code 'now'} or a value known to be a date or time:
   * jOOQ writes {@code cast(x AS date)}, which SQLite reads as a cast to NUMERIC and turns {@code
   * '2024-05-01'} into the number 2024.
   */
  static Field<String> sqliteDateFunction(TemporalType type, Field<?> operand) {
    return DSL.function(type.sqliteFunction(), SQLDataType.VARCHAR, operand);
  }

  /**
   * A cast to a date or time type in SQLite of a value that is not a literal, as its date
   * function of the text without white space around, failing where PostgreSQL's fails or where
   * SQLite's function would give NULL or an impossible date: a text that is neither (SQLite's
   * date functions read {@code YYYY-MM-DD HH:MM:SS} forms only, PostgreSQL more, which fail
   * too), a day past the month's end ({@code '2024-02-30'}, which {@code date()} keeps), a
   * number (SQLite would read a Julian day; PostgreSQL has no such cast). A timestamp's hour 24
   * is the next day's midnight ({@code '+0 days'}), as in PostgreSQL; a fraction of a second is
   * kept as written without trailing zeros, as PostgreSQL writes it ({@code 10:00:00.5}; SQLite's
   * functions drop it), and more than 6 digits of it fail (PostgreSQL rounds them to
   * microseconds); a fraction followed by a zone is still dropped. NULL stays NULL.
   *
   * @param type the type, whose PostgreSQL name the errors give
   */
  static Field<String> sqliteDateCast(TemporalType type, Field<?> operand) {
    String value = type.sqliteFunction() + "(" + TRIMMED + ")";
    String dated = " OR " + TRIMMED + " NOT GLOB '[0-9][0-9][0-9][0-9]-*' AND lower("
        + TRIMMED + ") <> 'now'";
    String calendar = "date(" + TRIMMED + ")";
    String whole = switch (type) {
      case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> "datetime(" + TRIMMED + ", '+0 days')";
      case DATE, TIME -> value;
    };
    // the fraction as written, when nothing follows its digits (no zone): SQLite's functions drop
    // it; PostgreSQL keeps microseconds and drops trailing zeros
    String fraction = TRIMMED + " GLOB '*:[0-9][0-9].[0-9]*' AND substr(" + TRIMMED + ", instr("
        + TRIMMED + ", '.') + 1) NOT GLOB '*[^0-9]*'";
    String kept = type == TemporalType.DATE ? whole
        : "CASE WHEN " + fraction + " THEN " + whole + " || rtrim(rtrim(substr(" + TRIMMED
            + ", instr(" + TRIMMED + ", '.')), '0'), '.') ELSE " + whole + " END";
    return DSL.field("CASE typeof({0}) WHEN 'null' THEN NULL"
        + " WHEN 'text' THEN CASE WHEN " + value + " IS NULL"
        + (type == TemporalType.TIME ? "" : dated) + " THEN "
        + error("invalid input syntax for type " + type.postgresName() + " (SQLite reads "
            + (type == TemporalType.TIME ? "" : "YYYY-MM-DD ") + "HH:MM:SS)")
        + " WHEN date(" + calendar + ", '+0 days') <> " + calendar + " THEN "
        + error("date/time field value out of range")
        + (type == TemporalType.DATE ? "" : " WHEN " + TRIMMED
            + " GLOB '*:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]*' THEN "
            + error("more than 6 fractional digits, which PostgreSQL rounds and SQLite cannot"))
        + " ELSE " + kept + " END"
        + " ELSE " + error("cannot cast to " + type.postgresName()) + " END",
        SQLDataType.VARCHAR, operand);
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
   * PostgreSQL's {@code ~x} for MySQL and MariaDB: {@code CAST(~x AS SIGNED)}. Their bit operators
   * work on unsigned 64-bit integers, so {@code ~5} is 18446744073709551610 (which no signed
   * column holds: MariaDB stops at error 1264) where PostgreSQL's is -6.
   */
  static Field<Long> mysqlBitNot(Field<?> value) {
    return DSL.field("CAST(~{0} AS SIGNED)", SQLDataType.BIGINT, value);
  }

  /**
   * PostgreSQL's {@code x << n} for MySQL and MariaDB: {@code CAST((x << n) AS SIGNED)}, so that
   * {@code 1 << 63} is -9223372036854775808 and {@code -1 << 1} is -2, as a PostgreSQL {@code
   * bigint}'s (unsigned 64 bits there). An {@code integer}'s shift past 31 bits keeps the higher
   * bits, which PostgreSQL's 32-bit {@code integer} drops.
   */
  static Field<Long> mysqlShiftLeft(Field<?> value, Field<?> count) {
    return DSL.field("CAST(({0} << {1}) AS SIGNED)", SQLDataType.BIGINT, value, count);
  }

  /**
   * PostgreSQL's {@code x >> n}, an arithmetic shift ({@code -8 >> 1} is -4, {@code -7 >> 1} is
   * -4, the floor of -3.5), for MySQL and MariaDB, whose {@code >>} shifts the unsigned 64 bits
   * ({@code -8 >> 1} is 9223372036854775804): a negative {@code x} is shifted as {@code ~(~x >>
   * n)}, which fills with ones; {@code x} and {@code n} are read twice.
   */
  static Field<Long> mysqlShiftRight(Field<?> value, Field<?> count) {
    return DSL.field("CAST(CASE WHEN {0} < 0 THEN ~(~{0} >> {1}) ELSE {0} >> {1} END AS SIGNED)",
        SQLDataType.BIGINT, value, count);
  }

  /**
   * PostgreSQL's {@code a / b} of two integers, which truncates, for MySQL and MariaDB: {@code (a
   * DIV b)}. jOOQ writes {@code /}, which there keeps the fraction ({@code 7 / 2} is 3.5000).
   */
  static Field<Long> integerDivision(Field<?> dividend, Field<?> divisor) {
    return DSL.field("({0} DIV {1})", SQLDataType.BIGINT, dividend, divisor);
  }

  /** A value's text without the white space PostgreSQL's input functions skip ({@code isspace}). */
  private static final String TRIMMED = "trim({0}, ' ' || char(9, 10, 11, 12, 13))";

  /**
   * Whether a text (after {@link #TRIMMED}) is an integer as PostgreSQL's {@code int4in} and its
   * kin read one: a sign, then only digits, at least one.
   */
  private static final String INTEGER_TEXT = "((" + TRIMMED + " GLOB '[0-9]*' OR " + TRIMMED
      + " GLOB '[+-][0-9]*') AND substr(" + TRIMMED + ", 2) NOT GLOB '*[^0-9]*')";

  /**
   * Whether a text (after {@link #TRIMMED}) is a number as PostgreSQL's {@code numeric_in} and
   * {@code float8in} read one: a sign, digits with at most one point and at least one digit
   * before the exponent, then an optional {@code e} with a sign and digits. (PostgreSQL's {@code
   * NaN} and {@code Infinity} have no SQLite value and are refused too.)
   */
  private static final String NUMBER_TEXT = "(" + TRIMMED + " NOT GLOB '*[^0-9.eE+-]*'"
      + " AND (" + TRIMMED + " GLOB '[0-9]*' OR " + TRIMMED + " GLOB '.[0-9]*' OR " + TRIMMED
      + " GLOB '[+-][0-9]*' OR " + TRIMMED + " GLOB '[+-].[0-9]*')"
      + " AND " + TRIMMED + " NOT GLOB '*[eE]*[eE]*' AND " + TRIMMED + " NOT GLOB '*.*.*'"
      + " AND " + TRIMMED + " NOT GLOB '*[eE]*.*' AND " + TRIMMED + " NOT GLOB '*[^eE][+-]*'"
      + " AND " + TRIMMED + " NOT GLOB '*[eE+-]')";

  /**
   * An error SQLite raises when the expression is evaluated, with {@code message} and the value
   * {@code {0}} in its text: SQLite has no {@code RAISE} outside triggers, so this asks {@code
   * json_extract} for a path that is not one, and SQLite stops the statement with {@code JSON
   * path error near 'strata: ...'} ({@code bad JSON path} in later versions). The message is
   * strata's own text, then the value in double quotes, as PostgreSQL's error gives it.
   */
  private static String error(String message) {
    return "json_extract('{}', 'strata: " + message + ": \"' || {0} || '\"')";
  }

  /**
   * A cast to an integer type in SQLite of a value not known to be an integer, failing where
   * PostgreSQL's fails: a text that is not an integer ({@code 'abc'}, {@code '1.5'}, {@code ''}:
   * SQLite's {@code CAST} makes it 0, or 1 of {@code '1.5'}), or a value out of the type's range
   * ({@code min}..{@code max}; SQLite's {@code CAST} keeps it, or clamps it to 64 bits). A REAL is
   * rounded as PostgreSQL rounds a numeric (half away from zero; jOOQ writes {@code cast(x AS
   * int)}, which truncates 3.9 to 3), or a float ({@code halfEven}: half to even, 2.5 to 2); an
   * INTEGER is never cast through a REAL, which would lose digits past 2^53; NULL stays NULL.
   *
   * @param text whether the value may be a text ({@code false} for a value known to be a number)
   * @param halfEven whether the value is a float ({@link ValueKinds#floating})
   * @param type the type's name in the error, e.g. {@code integer}
   */
  static Field<Long> sqliteIntegerCast(
      Field<?> operand, boolean text, boolean halfEven, String type, long min, long max) {
    String range = error("value out of range for type " + type);
    // a float rounds half to even (rint): a half whose rounding away from zero is odd steps back
    String rounded = halfEven ? RINT : "round({0})";
    boolean wide = max == Long.MAX_VALUE;
    String fits = wide
        // a text past 64 bits is clamped to the limit: the digits tell the limit from its clamp
        ? "(CAST({0} AS INTEGER) NOT IN (9223372036854775807, -9223372036854775808)"
            + " OR ltrim(substr(" + TRIMMED + ", 1 + (" + TRIMMED + " GLOB '[+-]*')), '0')"
            + " = ltrim(CAST(CAST({0} AS INTEGER) AS TEXT), '-'))"
        : "CAST({0} AS INTEGER) BETWEEN " + min + " AND " + max;
    String integer = wide ? "{0}"
        : "CASE WHEN {0} BETWEEN " + min + " AND " + max + " THEN {0} ELSE " + range + " END";
    return DSL.field("CASE typeof({0})"
        + " WHEN 'real' THEN CASE WHEN " + rounded + " >= " + min + ".0 AND " + rounded + " < "
        + (wide ? "9223372036854775808" : String.valueOf(max + 1)) + ".0"
        + " THEN CAST(" + rounded + " AS INTEGER) ELSE " + range + " END"
        + (text ? " WHEN 'text' THEN CASE WHEN NOT " + INTEGER_TEXT + " THEN "
            + error("invalid input syntax for type " + type) + " WHEN " + fits
            + " THEN CAST({0} AS INTEGER) ELSE " + range + " END" : "")
        + " WHEN 'integer' THEN " + integer
        + " ELSE CAST({0} AS INTEGER) END", SQLDataType.BIGINT, operand);
  }

  /**
   * PostgreSQL's {@code round(x)} of a float ({@code real}, {@code double precision}) in SQLite:
   * half to even, as PostgreSQL's {@code rint} ({@code round(2.5)} is 2, {@code round(-2.5)} -2),
   * where SQLite's {@code round()} rounds half away from zero (3). {@code x} is read several
   * times, in the expression itself: SQLite takes no subquery in a {@code CHECK}, an index or a
   * generated column, where {@code round(x)} of a float column is at home. (A volatile {@code x},
   * {@code round(x * random())}, is read as several values, the result still the rounding of one
   * of them unless one is a half: no subquery was worth SQLite's refusal of the others.)
   */
  static Field<Double> sqliteRint(Field<?> value) {
    return DSL.field(RINT, SQLDataType.DOUBLE, value);
  }

  /**
   * {@code {0}} rounded half to even in SQLite, as PostgreSQL's {@code rint}: SQLite's {@code
   * round()}, one step back toward zero where that was a half rounded to an odd number.
   */
  private static final String RINT = "(round({0}) - (abs({0} - CAST({0} AS INTEGER)) = 0.5"
      + " AND CAST(round({0}) AS INTEGER) % 2 <> 0) * (CASE WHEN {0} < 0 THEN -1 ELSE 1 END))";

  /**
   * {@code converted}, a cast of {@code operand} to a number type in SQLite, failing first where
   * {@code operand} is a text PostgreSQL does not read as a number ({@code 'abc'}, {@code '1e'}:
   * SQLite's {@code CAST} makes them 0 and 1).
   *
   * @param type the type's name in the error, e.g. {@code numeric}
   */
  static Field<?> sqliteCheckedNumberCast(Field<?> operand, Field<?> converted, String type) {
    return DSL.field("CASE WHEN typeof({0}) = 'text' AND NOT " + NUMBER_TEXT + " THEN "
        + error("invalid input syntax for type " + type) + " ELSE {1} END",
        converted.getDataType(), operand, converted);
  }

  /**
   * {@code rounded}, a value rounded to a {@code NUMERIC(precision, scale)}'s scale in SQLite,
   * failing where PostgreSQL's {@code numeric field overflow} does: a value of {@code precision -
   * scale} or more digits before the point. SQLite's NUMERIC keeps any value.
   */
  static Field<?> sqliteNumericOverflow(Field<?> rounded, int precision, int scale) {
    return DSL.field("CASE WHEN abs({0}) >= 1e" + (precision - scale) + " THEN "
        + error("numeric field overflow, a numeric(" + precision + ", " + scale + ") holds less")
        + " ELSE {0} END", rounded.getDataType(), rounded);
  }

  /**
   * The lower-case texts PostgreSQL's {@code boolin} reads as true ({@link BooleanLiterals#parse}:
   * the prefixes of {@code true} and {@code yes}, {@code on}, {@code 1}), as an SQL list.
   */
  private static final String TRUE_TEXTS =
      "('t', 'tr', 'tru', 'true', 'y', 'ye', 'yes', 'on', '1')";

  /** The lower-case texts {@code boolin} reads as false, as an SQL list. */
  private static final String FALSE_TEXTS =
      "('f', 'fa', 'fal', 'fals', 'false', 'n', 'no', 'of', 'off', '0')";

  /**
   * A cast to {@code boolean} in SQLite, as PostgreSQL's {@code boolin} reads a text ({@link
   * BooleanLiterals#parse}: {@code 'true'}, {@code 'yes'}, {@code 'on'}, {@code '1'}, their
   * prefixes and false kin, any case, white space around) and its integer cast reads a number
   * (0 is false, any other true), as SQLite's 1 or 0; any other text fails, as in PostgreSQL.
   * jOOQ writes a cast to an integer, which makes {@code 'true'} 0.
   */
  static Field<Boolean> sqliteBooleanCast(Field<?> operand) {
    String text = "lower(" + TRIMMED + ")";
    return DSL.field("CASE typeof({0})"
        + " WHEN 'text' THEN CASE WHEN " + text + " IN " + TRUE_TEXTS + " THEN 1"
        + " WHEN " + text + " IN " + FALSE_TEXTS + " THEN 0 ELSE "
        + error("invalid input syntax for type boolean") + " END"
        + " WHEN 'integer' THEN {0} <> 0 WHEN 'null' THEN NULL"
        + " ELSE " + error("cannot cast to boolean") + " END", SQLDataType.BOOLEAN, operand);
  }

  /**
   * A cast to {@code boolean} in MySQL and MariaDB of a value not known to be a boolean or an
   * integer, as PostgreSQL's {@code boolin} reads a text ({@link BooleanLiterals#parse}: {@code
   * 'true'}, {@code 'yes'}, {@code 'on'}, {@code '1'}, their prefixes and false kin, any case,
   * white space around), as {@code TRUE} or {@code FALSE}; NULL stays NULL. Any other text fails,
   * as in PostgreSQL: neither server can raise an error in an expression, so the last branch casts
   * strata's message to an integer, which the scripts' strict {@code sql_mode} stops at in an
   * {@code INSERT}, {@code UPDATE} or {@code DELETE} ({@code Truncated incorrect INTEGER value:
   * 'strata: invalid input syntax for type boolean: "abc"'}); in a query alone (a view) it is a
   * warning and false. The white space {@code boolin} skips ({@code isspace}: space, tab, line
   * feed, vertical tab, form feed, carriage return) is removed with {@code REGEXP_REPLACE}, as
   * {@code TRIM} takes spaces only.
   */
  static Field<Boolean> mysqlBooleanCast(Field<?> operand) {
    String text = "lower(REGEXP_REPLACE({0}, {1}, ''))";
    return DSL.field("CASE WHEN " + text + " IN " + TRUE_TEXTS + " THEN TRUE"
        + " WHEN " + text + " IN " + FALSE_TEXTS + " THEN FALSE WHEN {0} IS NULL THEN NULL"
        + " ELSE CAST(concat('strata: invalid input syntax for type boolean: \"', {0}, '\"')"
        + " AS SIGNED) END", SQLDataType.BOOLEAN, operand, DSL.inline(MYSQL_SPACE));
  }

  /**
   * A regular expression of the white space at either end of a text, as C's {@code isspace}
   * reads it: ICU's (MySQL) and PCRE2's (MariaDB) syntax alike; {@code \s} would take Unicode's
   * spaces in ICU.
   */
  private static final String MYSQL_SPACE =
      "^[ \\t\\n\\x{0B}\\f\\r]+|[ \\t\\n\\x{0B}\\f\\r]+$";

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
   * {@code division} ({@code a / b} or {@code a % b} of {@code divisor} {@code b}) in SQLite,
   * stopping the statement where PostgreSQL's does ({@code ERROR: division by zero}) instead of
   * giving NULL as SQLite does: {@code CASE WHEN b = 0 THEN <error> ELSE a / b END}, the error
   * raised as {@link #error} raises one (the divisor is read twice: a volatile one, {@code
   * random()}, may be read as two values).
   */
  static Field<?> sqliteNonZeroDivisor(Field<?> divisor, Field<?> division) {
    return DSL.field("CASE WHEN {0} = 0 THEN json_extract('{}', 'strata: division by zero')"
        + " ELSE {1} END", division.getDataType(), divisor, division);
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

  /**
   * PostgreSQL's {@code round(x, n)} with {@code n} negative or not a literal, in SQLite: a
   * negative {@code n} rounds to tens, hundreds... ({@code round(1250, -2)} is 1300, half away
   * from zero as PostgreSQL's numeric rounds), as {@code round(x / 10^-n) * 10^-n}; SQLite's own
   * {@code round(x, -2)} reads a negative {@code n} as 0 (1250.0). jOOQ writes {@code round(x,
   * n)}.
   */
  static Field<?> sqliteRound(Field<?> value, Field<?> digits) {
    if (digits instanceof org.jooq.Param<?> param && param.isInline()
        && param.getValue() instanceof Number n && n.longValue() < 0
        && n.longValue() > -19 && n.doubleValue() == n.longValue()) {
      String scale = "1" + "0".repeat((int) -n.longValue()) + ".0";
      return DSL.field("(round({0} / " + scale + ") * " + scale + ")", SQLDataType.DOUBLE,
          value);
    }
    return DSL.field("CASE WHEN {1} < 0 THEN round({0} / power(10, -{1})) * power(10, -{1})"
        + " ELSE round({0}, {1}) END", SQLDataType.DOUBLE, value, digits);
  }

  /** {@code value} typed as a TIMESTAMP, for jOOQ's timestamp arithmetic. */
  static Field<java.sql.Timestamp> typedTimestamp(Field<?> value) {
    return DSL.field("{0}", SQLDataType.TIMESTAMP, value);
  }

  /**
   * A timestamp computed by jOOQ's date arithmetic in SQLite ({@code strftime('%Y-%m-%d
   * %H:%M:%f', ...)}, which always writes milliseconds: {@code '2024-04-10 08:30:15.000'}), as
   * PostgreSQL writes it and strata writes timestamps elsewhere: the fraction without trailing
   * zeros, none when it is 0 ({@code '2024-04-10 08:30:15'}, {@code '... 08:30:15.5'}); a text
   * with {@code .000} would compare unequal to the same time written without it.
   */
  static Field<java.sql.Timestamp> sqliteTimestamp(Field<?> value) {
    return DSL.field("rtrim(rtrim({0}, '0'), '.')", SQLDataType.TIMESTAMP, value);
  }

  /**
   * A timestamp or a date shifted by {@code months} in SQLite, as PostgreSQL adds months: the same
   * day of the month, or the month's last day where it has fewer ({@code 2024-01-31} plus a month
   * is {@code 2024-02-29 00:00:00}; SQLite's {@code '+1 months'} gives {@code 2024-03-02}). The
   * earlier of the day counted from the month's start and the month's last day, then the time of
   * day ({@code strftime('%H:%M:%f')}, milliseconds).
   */
  static Field<String> sqliteAddMonths(Field<?> value, int months) {
    String shift = String.format(java.util.Locale.ROOT, "'%+d months'", months);
    String next = String.format(java.util.Locale.ROOT, "'%+d months'", months + 1);
    return DSL.field("(min(date({0}, 'start of month', " + shift + ", '+'"
        + " || (CAST(strftime('%d', {0}) AS INTEGER) - 1) || ' days'), date({0}, 'start of month', "
        + next + ", '-1 days')) || ' ' || strftime('%H:%M:%f', {0}))", SQLDataType.VARCHAR, value);
  }

  /**
   * A timestamp's ({@code dated}) or a time's text in MySQL and MariaDB as PostgreSQL writes it:
   * {@code 2024-01-05 10:00:00}, then the fraction without trailing zeros ({@code .5}) unless it
   * is 0, then {@code +00} for a {@code timestamp with time zone} ({@code zoned}, kept in UTC);
   * NULL for NULL. Their cast to text writes every digit of a {@code DATETIME(6)} ({@code
   * 2024-01-05 10:00:00.000000}).
   */
  static Field<String> mysqlTemporalText(Field<?> value, boolean dated, boolean zoned) {
    String whole = dated ? "DATE_FORMAT({0}, '%Y-%m-%d %H:%i:%s')" : "TIME_FORMAT({0}, '%H:%i:%s')";
    return DSL.field("concat(" + whole + ", IF(MICROSECOND({0}) = 0, '',"
        + " TRIM(TRAILING '0' FROM concat('.', LPAD(MICROSECOND({0}), 6, '0'))))"
        + (zoned ? ", '+00'" : "") + ")", SQLDataType.VARCHAR, value);
  }

  /**
   * A boolean as PostgreSQL's text of it, {@code 'true'} or {@code 'false'} (NULL for NULL): MySQL,
   * MariaDB and SQLite cast their 1 and 0 to {@code '1'} and {@code '0'}. A simple {@code CASE},
   * which evaluates the value once ({@code random() > 0.5} read twice could be neither).
   */
  static Field<String> booleanText(Field<?> value) {
    return DSL.field("CASE ({0}) <> 0 WHEN TRUE THEN 'true' WHEN FALSE THEN 'false' END",
        SQLDataType.VARCHAR, value);
  }
}
