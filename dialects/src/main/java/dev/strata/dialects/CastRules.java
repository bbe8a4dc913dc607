package dev.strata.dialects;

import dev.strata.dialects.ExpressionTranslator.Refusal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;
import org.jooq.impl.SQLDataType;

/**
 * The casts of {@link TranslationRules}: how a parsed PostgreSQL cast ({@code x::type}, {@code
 * CAST(x AS type)}) is written for MySQL, MariaDB or SQLite, where jOOQ 3.20's own cast is wrong
 * (each rule says what jOOQ writes), or refused ({@link Refusal}, E0434). A cast keeps
 * PostgreSQL's outcome: the value PostgreSQL's input function or cast gives, or a failure where
 * PostgreSQL's fails (a text it refuses, a value out of the type's range), the statement stopping
 * with strata's message ({@link TranslatedSql}). docs/dialects.md ("Casts") lists the rules.
 */
final class CastRules {
  private final Dialect dialect;
  /** Whether the translation keeps a cast's operand alone ({@link TranslationRules#drops}). */
  private final Predicate<QOM.Cast<?>> dropped;

  CastRules(Dialect dialect, Predicate<QOM.Cast<?>> dropped) {
    this.dialect = dialect;
    this.dropped = dropped;
  }

  /**
   * A cast: kept, replaced by a correct one, or refused.
   *
   * @param kinds the kinds of the expression's values
   * @throws Refusal where the dialect has no faithful equivalent
   */
  QueryPart translate(QOM.Cast<?> cast, ValueKinds kinds) {
    DataType<?> type = cast.getDataType();
    Field<?> operand = cast.$field();
    List<String> needles = List.of(type.getTypeName().toLowerCase(Locale.ROOT).split(" ")[0],
        "::", "cast");
    if (type.isArray()) {
      throw new Refusal("a cast to an array type has no equivalent", needles,
          dialect.id() + " has no arrays", "");
    }
    if (dropped.test(cast)) {
      // JSON stays text where there is no JSON type to cast to; an enum's value is its label,
      // which the column checks (ENUM, CHECK) on write
      return operand;
    }
    if (type.isOther() || type.isXML() || type.isSpatial() || type.isTimeWithTimeZone()) {
      throw new Refusal("the cast to " + type.getTypeName() + " has no translation", needles,
          "", type.isOther()
              ? "write the value without the cast (a column of an enum type takes its value as"
                  + " text)"
              : "");
    }
    if (type.isInterval()) {
      throw new Refusal("the cast to interval has no equivalent", needles,
          dialect.id() + " has no interval type", "");
    }
    if (ValueKinds.booleanType(type)) {
      return booleanCast(operand, kinds.of(operand), type, needles);
    }
    if (type.isBoolean()) {
      throw new Refusal("the cast to " + type.getTypeName() + " has no faithful translation",
          needles, "jOOQ 3.20 writes a cast to an integer, which reads 'true' as 0",
          "write TRUE, FALSE or a comparison");
    }
    if (type.isBinary()) {
      throw new Refusal("the cast to bytea has no faithful translation", needles,
          "PostgreSQL reads '\\x...' text as hex bytes, " + dialect.id() + " as the characters",
          "write the bytes as X'0a1b'");
    }
    if (type.isJSON()) {
      return cast;
    }
    if (type.isString()) {
      Optional<Field<String>> text = text(operand, kinds);
      if (text.isPresent()) {
        // an explicit cast to VARCHAR(n) cuts the text, as PostgreSQL's does
        return type.lengthDefined()
            ? DSL.substring(text.get(), DSL.inline(1), DSL.inline(type.length()))
            : text.get();
      }
    }
    return switch (dialect) {
      case POSTGRESQL -> throw new IllegalStateException("PostgreSQL's expressions are as written");
      case MYSQL, MARIADB -> mysqlCast(cast, type, operand, needles);
      case SQLITE -> sqliteCast(cast, type, operand, kinds.of(operand), kinds.floating(operand),
          needles);
    };
  }

  /**
   * PostgreSQL's text of a value whose text the dialect writes otherwise, or empty: a boolean's
   * ({@code 'true'}, {@code 'false'}; the others' is 1 or 0), and in MySQL and MariaDB a
   * timestamp's or a time's, whose fractional digits they write all ({@code '10:00:00.000000'},
   * PostgreSQL {@code '10:00:00'}; {@link TranslatedSql#mysqlTemporalText}), with PostgreSQL's
   * {@code +00} after a {@code timestamp with time zone} (kept in UTC, see docs/dialects.md,
   * "Timestamps"). A timestamp column whose namesakes are of both kinds is left to jOOQ. Also
   * the text {@code ||} makes of an operand that is not a text ({@link TranslationRules}).
   *
   * @param kinds the kinds of the expression's values
   */
  Optional<Field<String>> text(Field<?> operand, ValueKinds kinds) {
    boolean mysql = switch (dialect) {
      case POSTGRESQL, SQLITE -> false;
      case MYSQL, MARIADB -> true;
    };
    return switch (kinds.of(operand)) {
      case BOOLEAN -> Optional.of(TranslatedSql.booleanText(operand));
      case TIME -> mysql
          ? Optional.of(TranslatedSql.mysqlTemporalText(operand, false, false))
          : Optional.empty();
      case TIMESTAMP -> mysql
          ? kinds.withTimeZone(operand)
              .map(zoned -> TranslatedSql.mysqlTemporalText(operand, true, zoned))
          : Optional.empty();
      case INTEGER, NUMERIC, DATE, OTHER -> Optional.empty();
    };
  }

  /**
   * A cast to {@code boolean}, as PostgreSQL's {@code boolin} reads a text ({@link
   * BooleanLiterals}) and its integer cast reads an integer (0 is false, any other true): a text
   * literal is read now (refused where PostgreSQL refuses it) and written {@code TRUE} or {@code
   * FALSE}; any other value is read when the statement runs ({@link
   * TranslatedSql#sqliteBooleanCast}, {@link TranslatedSql#mysqlBooleanCast}). jOOQ writes a cast
   * to an integer, which reads {@code 'true'} as 0.
   */
  private Field<?> booleanCast(Field<?> operand, ValueKinds.Kind kind, DataType<?> type,
      List<String> needles) {
    if (kind == ValueKinds.Kind.BOOLEAN) {
      return operand;
    }
    Optional<String> text = TranslationRules.literal(operand);
    if (text.isPresent()) {
      literalChecked(operand, type, needles);
      return DSL.inline(BooleanLiterals.parse(text.get()).orElseThrow());
    }
    return switch (dialect) {
      case POSTGRESQL -> throw new IllegalStateException("PostgreSQL's expressions are as written");
      case MYSQL, MARIADB -> kind == ValueKinds.Kind.INTEGER
          ? DSL.field("({0} <> 0)", SQLDataType.BOOLEAN, operand)
          : TranslatedSql.mysqlBooleanCast(operand);
      case SQLITE -> TranslatedSql.sqliteBooleanCast(operand);
    };
  }

  /**
   * jOOQ writes {@code real} and {@code double precision} as {@code decimal} (no fraction),
   * {@code numeric} without a precision as {@code decimal} ({@code DECIMAL(10, 0)}), and
   * timestamps and times without digits, dropping PostgreSQL's microseconds. A text literal
   * PostgreSQL refuses is refused ({@code 'abc'::integer}, {@code '2024-02-30'::date}: MySQL's
   * cast gives 0 or NULL with a warning), and a date or time literal is PostgreSQL's text of the
   * value ({@link #temporalLiteral}: MySQL reads {@code '10:00+05:00'} as 10:00:05).
   */
  private QueryPart mysqlCast(
      QOM.Cast<?> cast, DataType<?> type, Field<?> operand, List<String> needles) {
    if (type.isNumeric()) {
      literalChecked(operand, type, needles);
    }
    if (type.isFloat()) {
      return TranslatedSql.floatCast(operand, type.getType() == Float.class);
    }
    if (type.isDecimal() && !type.precisionDefined()) {
      throw new Refusal("the cast to numeric without a precision has no faithful translation",
          needles, dialect.id() + "'s DECIMAL without a precision is DECIMAL(10, 0)",
          "give the cast a precision and scale, e.g. ::numeric(20, 4)");
    }
    Optional<TemporalType> temporal = TemporalType.of(type);
    if (temporal.isEmpty()) {
      return cast;
    }
    Optional<String> text = TranslationRules.literal(operand);
    Field<?> value = operand;
    if (text.isPresent()) {
      value = temporalLiteral(text.get(), temporal.get(), needles).orElseThrow(() ->
          new Refusal("'now' cast to " + temporal.get().postgresName() + " has no translation",
              needles, dialect.id() + "'s cast reads it as no date (NULL)",
              "write now(), CURRENT_DATE or CURRENT_TIME"));
    }
    return switch (temporal.get()) {
      case DATE -> DSL.cast(value, SQLDataType.DATE);
      case TIME -> DSL.cast(value, SQLDataType.TIME(digits(type)));
      case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE ->
          DSL.cast(value, SQLDataType.TIMESTAMP(digits(type)));
    };
  }

  /**
   * jOOQ writes {@code cast(x AS date)}, a cast to NUMERIC in SQLite, which turns {@code
   * '2024-05-01'} into the number 2024; SQLite's {@code CAST} to an integer makes {@code 'abc'}
   * 0 and keeps a value out of the type's range; its NUMERIC and VARCHAR are affinities, so a
   * cast neither rounds to the scale nor cuts to the length.
   */
  private QueryPart sqliteCast(QOM.Cast<?> cast, DataType<?> type, Field<?> operand,
      ValueKinds.Kind operandKind, boolean floating, List<String> needles) {
    ValueKinds.Kind kind = operandKind;
    Optional<TemporalType> temporal = TemporalType.of(type);
    if (temporal.isPresent()) {
      return sqliteDateCast(temporal.get(), operand, kind, needles);
    }
    if (type.isNumeric() && TranslationRules.literal(operand).isPresent()) {
      // a text literal PostgreSQL reads as a number of the type's range (else refused), which
      // SQLite's CAST reads alike: checked now, not when the statement runs
      literalChecked(operand, type, needles);
      if (type.isInteger()) {
        return DSL.field("CAST({0} AS INTEGER)", SQLDataType.BIGINT, operand);
      }
      kind = ValueKinds.Kind.NUMERIC;
    }
    if (type.isInteger() && (kind != ValueKinds.Kind.INTEGER
        || integerRange(type)[1] != Long.MAX_VALUE)) {
      // a text PostgreSQL refuses, or a value out of the type's range (a bigint's in an integer
      // too), fails; SQLite's CAST makes the text 0 and keeps the value
      long[] range = integerRange(type);
      return TranslatedSql.sqliteIntegerCast(operand, kind == ValueKinds.Kind.OTHER, floating,
          postgresName(type), range[0], range[1]);
    }
    if (type.isDecimal() && type.scaleDefined() && type.scale() >= 0) {
      @SuppressWarnings("unchecked")
      Field<java.math.BigDecimal> number =
          (Field<java.math.BigDecimal>) (Field<?>) DSL.cast(operand, SQLDataType.NUMERIC);
      Field<?> rounded = DSL.round(number, type.scale());
      if (type.precisionDefined()) {
        rounded = TranslatedSql.sqliteNumericOverflow(rounded, type.precision(), type.scale());
      }
      return kind == ValueKinds.Kind.OTHER
          ? TranslatedSql.sqliteCheckedNumberCast(operand, rounded, postgresName(type))
          : rounded;
    }
    if (type.isNumeric() && kind == ValueKinds.Kind.OTHER) {
      // a text PostgreSQL refuses fails; SQLite's CAST makes it 0
      return TranslatedSql.sqliteCheckedNumberCast(operand, DSL.cast(operand, type),
          postgresName(type));
    }
    if (type.getTypeName().equalsIgnoreCase("varchar") && type.lengthDefined()) {
      return DSL.substring(DSL.cast(operand, SQLDataType.VARCHAR), 1, type.length());
    }
    return cast;
  }

  /**
   * A cast to {@code date}, {@code time} or {@code timestamp} in SQLite, as its date function
   * ({@code date(x)}, {@code time(x)}, {@code datetime(x)}). A text literal is PostgreSQL's text
   * of the value, worked out now ({@link #temporalLiteral}); a value known to be a date, time or
   * timestamp (a column of such a type, {@code now()}: SQLite's own text of one) is the function
   * of it; any other operand is checked when the statement runs ({@link
   * TranslatedSql#sqliteDateCast}).
   */
  private Field<String> sqliteDateCast(
      TemporalType type, Field<?> operand, ValueKinds.Kind kind, List<String> needles) {
    Optional<String> text = TranslationRules.literal(operand);
    if (text.isPresent()) {
      return temporalLiteral(text.get(), type, needles)
          .orElseGet(() -> TranslatedSql.sqliteDateFunction(type, operand));
    }
    if (kind == ValueKinds.Kind.DATE || kind == ValueKinds.Kind.TIMESTAMP
        || kind == ValueKinds.Kind.TIME) {
      return TranslatedSql.sqliteDateFunction(type, operand);
    }
    return TranslatedSql.sqliteDateCast(type, operand);
  }

  /**
   * PostgreSQL's text of a date, time or timestamp literal ({@link TemporalLiteral}) as an inline
   * literal, which PostgreSQL checks when it reads the statement: {@code '2024-02-30'::date} is
   * refused likewise. Empty for {@code 'now'}, the time the statement runs.
   *
   * @throws Refusal for a text PostgreSQL refuses or a form strata does not read
   */
  private Optional<Field<String>> temporalLiteral(String text, TemporalType type,
      List<String> needles) {
    String name = type.postgresName();
    return switch (TemporalLiteral.read(text, type)) {
      case TemporalLiteral.Text value -> Optional.of(DSL.inline(value.value()));
      case TemporalLiteral.Now now -> Optional.empty();
      case TemporalLiteral.Refused refused -> throw new Refusal(
          "'" + text + "' cannot be cast to " + name, needles,
          refused.outOfRange()
              ? "PostgreSQL refuses it: date/time field value out of range"
              : "strata reads the ISO forms only, which PostgreSQL and " + dialect.id()
                  + " read alike",
          "write the " + name + " as " + switch (type) {
            case DATE -> "'YYYY-MM-DD'";
            case TIME -> "'HH:MM:SS'";
            case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> "'YYYY-MM-DD HH:MM:SS'";
          });
    };
  }

  /**
   * {@code operand}, unless it is a string literal that PostgreSQL's input function for {@code
   * type} (a boolean, an integer or another number type) refuses ({@code 'abc'::integer}), which
   * PostgreSQL reports when it reads the statement: refused here likewise.
   */
  private static Field<?> literalChecked(Field<?> operand, DataType<?> type, List<String> needles) {
    Optional<String> literal = TranslationRules.literal(operand);
    if (literal.isEmpty()) {
      return operand;
    }
    String text = literal.get();
    String value = text.strip();
    boolean valid;
    if (type.isBoolean()) {
      valid = BooleanLiterals.parse(text).isPresent();
    } else if (type.isInteger()) {
      long[] range = integerRange(type);
      valid = INTEGER_TEXT.matcher(value).matches() && inRange(
          new java.math.BigInteger(value.startsWith("+") ? value.substring(1) : value), range);
    } else {
      valid = NUMBER_TEXT.matcher(value).matches();
    }
    if (!valid) {
      String name = postgresName(type);
      throw new Refusal("'" + text + "' cannot be cast to " + name, needles,
          "PostgreSQL refuses the text when it reads the statement", "write a value of " + name);
    }
    return operand;
  }

  private static boolean inRange(java.math.BigInteger value, long[] range) {
    return value.compareTo(java.math.BigInteger.valueOf(range[0])) >= 0
        && value.compareTo(java.math.BigInteger.valueOf(range[1])) <= 0;
  }

  /** A text PostgreSQL's {@code int4in} reads (white space stripped). */
  private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?[0-9]+");

  /** A text PostgreSQL's {@code numeric_in} reads as a finite number (white space stripped). */
  private static final Pattern NUMBER_TEXT =
      Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  /** The range of an integer type: {@code smallint}, {@code integer}, else {@code bigint}. */
  static long[] integerRange(DataType<?> type) {
    return type.getType() == Short.class ? new long[] {Short.MIN_VALUE, Short.MAX_VALUE}
        : type.getType() == Integer.class ? new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE}
        : new long[] {Long.MIN_VALUE, Long.MAX_VALUE};
  }

  /**
   * PostgreSQL's name of a boolean, number or date/time type, as its errors give it ({@code
   * invalid input syntax for type double precision}); jOOQ's name for any other.
   */
  static String postgresName(DataType<?> type) {
    if (type.isInteger()) {
      return type.getType() == Short.class ? "smallint"
          : type.getType() == Integer.class ? "integer" : "bigint";
    }
    if (type.isFloat()) {
      return type.getType() == Float.class ? "real" : "double precision";
    }
    if (type.isDecimal()) {
      return "numeric";
    }
    if (type.isBoolean()) {
      return "boolean";
    }
    return TemporalType.of(type).map(TemporalType::postgresName).orElse(type.getTypeName());
  }

  private static int digits(DataType<?> type) {
    return type.precisionDefined() ? type.precision() : 6;
  }
}
