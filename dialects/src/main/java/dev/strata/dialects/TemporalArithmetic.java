package dev.strata.dialects;

import dev.strata.dialects.ExpressionTranslator.Refusal;
import java.util.List;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;
import org.jooq.types.DayToSecond;
import org.jooq.types.YearToMonth;
import org.jooq.types.YearToSecond;

/**
 * The date and time arithmetic of {@link TranslationRules}: a {@code +} or {@code -} of a date, a
 * timestamp, an integer or an interval, whose operands' kinds ({@link ValueKinds}) jOOQ 3.20 does
 * not know once parsed, and so writes as numbers. Written with jOOQ's typed date functions, or
 * refused ({@link Refusal}, E0434) where the dialect has no equivalent (an interval between two
 * timestamps). docs/dialects.md ("Expressions") lists the rules.
 */
final class TemporalArithmetic {
  private final Dialect dialect;

  TemporalArithmetic(Dialect dialect) {
    this.dialect = dialect;
  }

  /**
   * {@code left + right} or {@code left - right} ({@code minus}) of the parsed expression, with
   * the kinds of its operands.
   */
  private record Arithmetic(Field<?> left, Field<?> right, boolean minus,
      ValueKinds.Kind leftKind, ValueKinds.Kind rightKind) {
    static Optional<Arithmetic> of(QueryPart part, ValueKinds kinds) {
      if (part instanceof QOM.Add<?> add) {
        return Optional.of(new Arithmetic(add.$arg1(), add.$arg2(), false,
            kinds.of(add.$arg1()), kinds.of(add.$arg2())));
      }
      if (part instanceof QOM.Sub<?> sub) {
        return Optional.of(new Arithmetic(sub.$arg1(), sub.$arg2(), true,
            kinds.of(sub.$arg1()), kinds.of(sub.$arg2())));
      }
      return Optional.empty();
    }
  }

  /**
   * {@code part} as {@link #timestampArithmetic} or {@link #dateArithmetic} translates it, when
   * it is a {@code +} or {@code -} one of them translates; else empty.
   *
   * @param kinds the kinds of the expression's values
   * @throws Refusal for the arithmetic the dialect has no equivalent of
   */
  Optional<QueryPart> translate(QueryPart part, ValueKinds kinds) {
    Optional<Arithmetic> operation = Arithmetic.of(part, kinds);
    return operation.flatMap(this::timestampArithmetic)
        .or(() -> operation.flatMap(o -> dateArithmetic(o, kinds)));
  }

  /**
   * A timestamp column {@code +} or {@code -} an interval, as jOOQ writes it for a typed timestamp
   * ({@code now() + INTERVAL '30 days'}: {@code date_add(...)}, SQLite's {@code strftime(...)}):
   * jOOQ's parser types a column as nothing, and then writes {@code created + '+0-0 +30 ...'},
   * which SQLite reads as a number and MariaDB refuses. A date column plus or minus an interval
   * is PostgreSQL's timestamp, so it is written the same way (jOOQ wrote {@code d + '+0-1 ...'}:
   * SQLite gave {@code 2024}, MariaDB refused it). In SQLite the result is {@link
   * TranslatedSql#sqliteTimestamp}'s text. The difference of two timestamps (an interval) and a
   * date plus a time have no translation. Empty for anything else.
   */
  private Optional<QueryPart> timestampArithmetic(Arithmetic operation) {
    Field<?> left = operation.left();
    Field<?> right = operation.right();
    boolean minus = operation.minus();
    ValueKinds.Kind leftKind = operation.leftKind();
    ValueKinds.Kind rightKind = operation.rightKind();
    if (minus && leftKind == ValueKinds.Kind.TIMESTAMP && rightKind == ValueKinds.Kind.TIMESTAMP) {
      throw new Refusal("the difference of two timestamps has no translation", List.of("-"),
          "PostgreSQL's is an interval, which " + dialect.id() + " does not have",
          dialect == Dialect.SQLITE
              ? "compare the timestamps themselves, or their julianday() in a -- +dialect block"
              : "compare the timestamps themselves, or their TIMESTAMPDIFF() in a -- +dialect"
                  + " block");
    }
    boolean dateAndTime = leftKind == ValueKinds.Kind.DATE && rightKind == ValueKinds.Kind.TIME
        || !minus && leftKind == ValueKinds.Kind.TIME && rightKind == ValueKinds.Kind.DATE;
    if (dateAndTime) {
      throw new Refusal("a date " + (minus ? "minus" : "plus") + " a time has no translation",
          List.of(minus ? "-" : "+"), "PostgreSQL's is a timestamp; " + dialect.id()
              + " computes a number", "");
    }
    boolean dated = leftKind == ValueKinds.Kind.TIMESTAMP || leftKind == ValueKinds.Kind.DATE;
    if (!dated || !right.getDataType().isInterval()) {
      return Optional.empty();
    }
    Optional<YearToSecond> literal = right instanceof Param<?> param && param.isInline()
        && param.getValue() instanceof YearToSecond value ? Optional.of(value) : Optional.empty();
    Optional<YearToSecond> normal = literal.flatMap(TemporalArithmetic::normalized);
    // SQLite's '+1 months' overflows a month's end: such an interval is added by sqliteAddMonths
    Optional<YearToSecond> months = dialect == Dialect.SQLITE
        ? normal.or(() -> literal).filter(value -> months(value.getYearToMonth()) != 0)
        : Optional.empty();
    boolean typed = left.getDataType().isTimestamp()
        || left.getDataType().isTimestampWithTimeZone() || left.getDataType().isDate();
    if (typed && months.isEmpty() && normal.isEmpty()) {
      // jOOQ's own arithmetic (now() + INTERVAL '1 day'), which TranslationRules trims in SQLite
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Field<Object> interval = normal.isPresent()
        ? (Field<Object>) (Field<?>) DSL.inline(normal.get()) : (Field<Object>) right;
    Field<java.sql.Timestamp> timestamp = TranslatedSql.typedTimestamp(left);
    return Optional.of(switch (dialect) {
      case POSTGRESQL -> throw new IllegalStateException("PostgreSQL's expressions are as written");
      case MYSQL, MARIADB -> minus ? timestamp.sub(interval) : timestamp.add(interval);
      case SQLITE -> months.isEmpty()
          ? TranslatedSql.sqliteTimestamp(minus ? timestamp.sub(interval) : timestamp.add(interval))
          : sqliteWithMonths(left, months.get(), minus);
    });
  }

  /**
   * SQLite's {@code left + interval} ({@code minus}: {@code -}) of an interval with months, as
   * PostgreSQL adds one: the months first, by {@link TranslatedSql#sqliteAddMonths} (a month's
   * end stays in its month: Jan 31 + 1 month is Feb 29, where SQLite's {@code '+1 months'} gives
   * Mar 2), then the days and time; {@link TranslatedSql#sqliteTimestamp}'s text.
   */
  private static Field<?> sqliteWithMonths(Field<?> left, YearToSecond interval, boolean minus) {
    int count = months(interval.getYearToMonth());
    Field<java.sql.Timestamp> shifted = TranslatedSql.typedTimestamp(
        TranslatedSql.sqliteAddMonths(left, minus ? -count : count));
    DayToSecond rest = interval.getDayToSecond();
    Field<java.sql.Timestamp> whole = rest.getTotalNano() == 0 && rest.getTotalSeconds() == 0
        ? shifted
        : minus ? shifted.sub(DSL.inline(rest)) : shifted.add(DSL.inline(rest));
    return TranslatedSql.sqliteTimestamp(whole);
  }

  /**
   * SQLite: jOOQ's own arithmetic of a typed timestamp and an interval with months ({@code now()
   * + INTERVAL '1 month'}, {@code TIMESTAMP '2024-01-31 10:00' + INTERVAL '1 month'}, which its
   * parser makes an {@code org.jooq.impl.Expression}, not a {@link QOM.Add}), which jOOQ writes
   * with SQLite's {@code '+1 months'}, running past a month's end: as {@link #sqliteWithMonths}
   * instead. Empty when the interval has no months. jOOQ 3.20 has no public way to the operands
   * and operator of that class: its public {@code $arg1()} and {@code $arg2()} are called and its
   * {@code operator} field is read reflectively, as {@link #signedInterval} does.
   *
   * @throws Refusal when they cannot be read (another jOOQ version)
   */
  static Optional<QueryPart> sqliteMonths(QueryPart expression) {
    try {
      Object right = call(expression, "$arg2");
      Optional<YearToSecond> interval = !(right instanceof Param<?> param) ? Optional.empty()
          : param.getValue() instanceof YearToSecond value ? Optional.of(value)
          : param.getValue() instanceof YearToMonth value
              ? Optional.of(new YearToSecond(value, new DayToSecond()))
          : Optional.empty();
      Optional<YearToSecond> months = interval
          .map(value -> normalized(value).orElse(value))
          .filter(value -> months(value.getYearToMonth()) != 0);
      if (months.isEmpty()) {
        return Optional.empty();
      }
      java.lang.reflect.Field operator = expression.getClass().getDeclaredField("operator");
      operator.setAccessible(true);
      String name = String.valueOf(operator.get(expression));
      if (!name.equals("ADD") && !name.equals("SUBTRACT")) {
        return Optional.empty();
      }
      return Optional.of(sqliteWithMonths((Field<?>) call(expression, "$arg1"), months.get(),
          name.equals("SUBTRACT")));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new Refusal("a timestamp plus an interval of months has no translation here",
          List.of("interval"), "jOOQ adds the months with SQLite's '+N months', which runs past"
              + " a month's end (January 31 plus one month is March 2)",
          "add the interval to a timestamp column instead, or write the SQLite form in a"
              + " -- +dialect block");
    }
  }

  /**
   * {@code interval} with its sign on each part instead of inside it, or empty when it has none
   * inside: jOOQ 3.20's parser reads {@code INTERVAL '-2 months'} as {@code +0--2}, {@code '-3
   * hours'} as {@code +0 0-3:00:00} and {@code - INTERVAL '-1 year'} as {@code --1-0}, which it
   * writes as they are for MySQL and MariaDB ({@code INTERVAL '+0--2' YEAR_MONTH}), and which they
   * read without the inner sign: two months later instead of earlier. The months and the
   * day-to-second part are each added up with their signs and written back whole ({@code -0-2}).
   */
  static Optional<YearToSecond> normalized(YearToSecond interval) {
    YearToMonth months = interval.getYearToMonth();
    DayToSecond rest = interval.getDayToSecond();
    boolean inside = months.getYears() < 0 || months.getMonths() < 0 || rest.getDays() < 0
        || rest.getHours() < 0 || rest.getMinutes() < 0 || rest.getSeconds() < 0
        || rest.getNano() < 0;
    if (!inside) {
      return Optional.empty();
    }
    int total = months(months);
    YearToMonth whole = new YearToMonth(Math.abs(total) / 12, Math.abs(total) % 12);
    java.time.Duration duration = java.time.Duration.ofDays(rest.getDays())
        .plusHours(rest.getHours()).plusMinutes(rest.getMinutes())
        .plusSeconds(rest.getSeconds()).plusNanos(rest.getNano())
        .multipliedBy(rest.getSign());
    return Optional.of(new YearToSecond(total < 0 ? whole.neg() : whole,
        DayToSecond.valueOf(duration)));
  }

  /**
   * jOOQ's own arithmetic of a typed timestamp ({@code now() + INTERVAL '-2 months'}, which its
   * parser makes an {@code org.jooq.impl.Expression}, not a {@link QOM.Add}) with its interval's
   * sign in front ({@link #normalized}), or empty when the interval needs none. jOOQ 3.20 has no
   * public way to the operands of that class: its public {@code $arg2()} and {@code $arg2(Field)}
   * are called reflectively.
   *
   * @throws Refusal when they cannot be called (another jOOQ version)
   */
  static Optional<QueryPart> signedInterval(QueryPart expression) {
    try {
      if (!(call(expression, "$arg2") instanceof Param<?> param
          && param.getValue() instanceof YearToSecond interval)) {
        return Optional.empty();
      }
      Optional<YearToSecond> normal = normalized(interval);
      if (normal.isEmpty()) {
        return Optional.empty();
      }
      java.lang.reflect.Method write = expression.getClass().getMethod("$arg2", Field.class);
      write.setAccessible(true);
      return Optional.of((QueryPart) write.invoke(expression, DSL.inline(normal.get())));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new Refusal("a timestamp plus a negative interval has no translation here",
          List.of("interval"), "jOOQ writes the interval's sign inside it, which MySQL and"
              + " MariaDB read as a positive interval",
          "subtract the interval instead: now() - INTERVAL '2 months'");
    }
  }

  /**
   * The public method {@code name} (no arguments) of jOOQ's arithmetic {@code expression}, whose
   * class is not public: called reflectively ({@link #signedInterval}, {@link #sqliteMonths}).
   */
  private static Object call(QueryPart expression, String name)
      throws ReflectiveOperationException {
    java.lang.reflect.Method method = expression.getClass().getMethod(name);
    method.setAccessible(true);
    return method.invoke(expression);
  }

  /**
   * The months of {@code interval}, signed: jOOQ's parser may put the sign on the whole ({@code
   * -1-0}) or inside a part ({@code +0--2}, see {@link #normalized}), and both count.
   */
  private static int months(YearToMonth interval) {
    return interval.getSign() * (interval.getYears() * 12 + interval.getMonths());
  }

  /**
   * {@code date + integer}, {@code integer + date}, {@code date - integer} and {@code date - date}
   * where both operands' kinds are known ({@link ValueKinds}): jOOQ writes {@code +} and {@code -},
   * which in MySQL and MariaDB make a number of {@code 2026-01-31} ({@code 20260132}) and in
   * SQLite add to the text. A date and an integer become jOOQ's {@code DSL.dateAdd} (MySQL,
   * MariaDB: {@code date_add(d, interval n day)}) or SQLite's {@code date(d, 'n days')}; two dates
   * jOOQ's {@code DSL.dateDiff}, the days between them as PostgreSQL counts them. Empty otherwise.
   */
  private Optional<QueryPart> dateArithmetic(Arithmetic operation, ValueKinds kinds) {
    Field<?> left = operation.left();
    Field<?> right = operation.right();
    boolean minus = operation.minus();
    ValueKinds.Kind leftKind = operation.leftKind();
    ValueKinds.Kind rightKind = operation.rightKind();
    if (leftKind != ValueKinds.Kind.DATE && (minus || rightKind != ValueKinds.Kind.DATE)) {
      return Optional.empty();
    }
    if (leftKind == ValueKinds.Kind.DATE && rightKind == ValueKinds.Kind.DATE) {
      return minus
          ? Optional.of(DSL.dateDiff(TranslatedSql.typedDate(left), TranslatedSql.typedDate(right)))
          : Optional.empty();
    }
    Field<?> date = leftKind == ValueKinds.Kind.DATE ? left : right;
    Field<?> days = leftKind == ValueKinds.Kind.DATE ? right : left;
    if (kinds.of(days) != ValueKinds.Kind.INTEGER) {
      return Optional.empty();
    }
    return Optional.of(switch (dialect) {
      case POSTGRESQL -> throw new IllegalStateException("PostgreSQL's expressions are as written");
      case MYSQL, MARIADB -> {
        @SuppressWarnings("unchecked")
        Field<Number> number = (Field<Number>) days;
        yield minus
            ? DSL.dateSub(TranslatedSql.typedDate(date), number, org.jooq.DatePart.DAY)
            : DSL.dateAdd(TranslatedSql.typedDate(date), number, org.jooq.DatePart.DAY);
      }
      case SQLITE -> TranslatedSql.sqliteDateAdd(date, days, minus);
    });
  }
}
