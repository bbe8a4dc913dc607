package dev.strata.dialects;

import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The jOOQ type of each column type. jOOQ spells the types it knows per dialect; for PostgreSQL:
 * {@code int}, {@code numeric(p, s)}, {@code double precision}, {@code text},
 * {@code timestamp(p) with time zone}, {@code jsonb}, {@code uuid}, {@code bytea},
 * {@code time(p) with time zone}, {@code xml}, ...
 *
 * <p>The others are spelled here, as PostgreSQL's {@code format_type} prints them (so that
 * {@code pg_dump} shows the same schema as the statement written directly): {@code serial},
 * {@code bigserial}, {@code smallserial} (jOOQ's {@code PostgresDataType}, which has them, is
 * deprecated for removal), {@code bit(n)} and {@code bit varying(n)} (jOOQ's {@code BIT} is a
 * boolean), {@code interval(p)} (jOOQ drops an interval's precision), PostgreSQL's own types
 * ({@code inet}, {@code tsvector}, ...), and arrays of types with a precision or scale (jOOQ
 * renders {@code numeric(10, 2)[]} as {@code numeric[]}). A spelled type is a jOOQ domain type
 * whose unquoted name is the spelling: jOOQ renders a domain type by its name, verbatim.
 *
 * <p>A {@link DataType.Kind#NAMED named} type is a domain type of its own name, quoted and
 * qualified as written ({@code public."Mood"}); with type modifiers ({@code vector(1536)}) it is
 * spelled.
 */
final class DataTypes {
  private DataTypes() {}

  /** The type as jOOQ renders it in DDL for {@code sql}'s dialect. */
  static org.jooq.DataType<?> of(DataType type, SqlContext sql) {
    return switch (spell(type, sql)) {
      case Spelling.Jooq jooq -> jooq.type();
      case Spelling.Written written -> written(written.sql());
    };
  }

  /**
   * The type as {@link #of} renders it, as text, for hand-written statements ({@link
   * AlterColumnTypeSql}, generated columns).
   */
  static String name(DataType type, SqlContext sql) {
    return switch (spell(type, sql)) {
      case Spelling.Jooq jooq -> sql.typeName(jooq.type());
      case Spelling.Written written -> written.sql();
    };
  }

  /** A type that jOOQ renders as {@code sql}, verbatim. */
  static org.jooq.DataType<Object> written(String sql) {
    return DSL.domain(DSL.unquotedName(sql), SQLDataType.OTHER).getDataType();
  }

  /** A type as jOOQ builds it, or as spelled here. */
  private sealed interface Spelling {
    record Jooq(org.jooq.DataType<?> type) implements Spelling {}

    record Written(String sql) implements Spelling {}
  }

  private static Spelling spell(DataType type, SqlContext sql) {
    Spelling element = element(type, sql);
    if (!type.isArray()) {
      return element;
    }
    String brackets = "[]".repeat(type.arrayDimensions());
    return switch (element) {
      // jOOQ's array DDL drops the element's precision and scale (numeric(10, 2)[] -> numeric[])
      case Spelling.Jooq jooq when jooq.type().precisionDefined() || jooq.type().scaleDefined() ->
          new Spelling.Written(sql.typeName(jooq.type()) + brackets);
      case Spelling.Jooq jooq -> {
        org.jooq.DataType<?> array = jooq.type();
        for (int i = 0; i < type.arrayDimensions(); i++) {
          array = array.getArrayDataType();
        }
        yield new Spelling.Jooq(array);
      }
      case Spelling.Written written -> new Spelling.Written(written.sql() + brackets);
    };
  }

  private static Spelling element(DataType type, SqlContext sql) {
    return switch (type.kind()) {
      case SMALLINT -> jooq(SQLDataType.SMALLINT);
      case INTEGER -> jooq(SQLDataType.INTEGER);
      case BIGINT -> jooq(SQLDataType.BIGINT);
      case NUMERIC -> jooq(numeric(type));
      case REAL -> jooq(SQLDataType.REAL);
      case DOUBLE_PRECISION -> jooq(SQLDataType.DOUBLE);
      case VARCHAR ->
          jooq(
              type.size().isPresent()
                  ? SQLDataType.VARCHAR(type.size().getAsInt())
                  : SQLDataType.VARCHAR);
      case CHAR ->
          jooq(type.size().isPresent() ? SQLDataType.CHAR(type.size().getAsInt()) : SQLDataType.CHAR);
      case TEXT -> jooq(SQLDataType.CLOB);
      case BOOLEAN -> jooq(SQLDataType.BOOLEAN);
      case DATE -> jooq(SQLDataType.DATE);
      case TIME ->
          jooq(type.size().isPresent() ? SQLDataType.TIME(type.size().getAsInt()) : SQLDataType.TIME);
      case TIMETZ ->
          jooq(
              type.size().isPresent()
                  ? SQLDataType.TIMEWITHTIMEZONE(type.size().getAsInt())
                  : SQLDataType.TIMEWITHTIMEZONE);
      case TIMESTAMP ->
          jooq(
              type.size().isPresent()
                  ? SQLDataType.TIMESTAMP(type.size().getAsInt())
                  : SQLDataType.TIMESTAMP);
      case TIMESTAMPTZ ->
          jooq(
              type.size().isPresent()
                  ? SQLDataType.TIMESTAMPWITHTIMEZONE(type.size().getAsInt())
                  : SQLDataType.TIMESTAMPWITHTIMEZONE);
      // jOOQ renders INTERVAL.precision(p) as plain interval
      case INTERVAL ->
          type.size().isPresent()
              ? new Spelling.Written("interval(" + type.size().getAsInt() + ")")
              : jooq(SQLDataType.INTERVAL);
      case JSON -> jooq(SQLDataType.JSON);
      case JSONB -> jooq(SQLDataType.JSONB);
      case UUID -> jooq(SQLDataType.UUID);
      // jOOQ's BLOB is PostgreSQL's bytea
      case BYTEA -> jooq(SQLDataType.BLOB);
      case XML -> jooq(SQLDataType.XML);
      case SERIAL -> new Spelling.Written("serial");
      case BIGSERIAL -> new Spelling.Written("bigserial");
      case SMALLSERIAL -> new Spelling.Written("smallserial");
      case BIT -> new Spelling.Written("bit" + size(type));
      case VARBIT -> new Spelling.Written("bit varying" + size(type));
      case MONEY, INET, CIDR, MACADDR, MACADDR8, TSVECTOR, TSQUERY, OID, REGCLASS, INT4RANGE,
          INT8RANGE, NUMRANGE, TSRANGE, TSTZRANGE, DATERANGE, POINT, LINE, LSEG, BOX, PATH,
          POLYGON, CIRCLE ->
          new Spelling.Written(type.kind().name().toLowerCase(Locale.ROOT));
      case NAMED -> named(type.named().orElseThrow(), sql);
    };
  }

  private static Spelling named(DataType.Named named, SqlContext sql) {
    if (named.modifiers().isEmpty()) {
      return jooq(DSL.domain(SqlContext.name(named.name()), SQLDataType.OTHER).getDataType());
    }
    return new Spelling.Written(
        sql.render(SqlContext.name(named.name()))
            + named.modifiers().stream()
                .map(Expr::sql)
                .collect(Collectors.joining(", ", "(", ")")));
  }

  private static Spelling jooq(org.jooq.DataType<?> type) {
    return new Spelling.Jooq(type);
  }

  private static String size(DataType type) {
    return type.size().isPresent() ? "(" + type.size().getAsInt() + ")" : "";
  }

  private static org.jooq.DataType<?> numeric(DataType type) {
    if (type.size().isEmpty()) {
      return SQLDataType.NUMERIC;
    }
    int precision = type.size().getAsInt();
    return type.scale().isPresent()
        ? SQLDataType.NUMERIC(precision, type.scale().getAsInt())
        : SQLDataType.NUMERIC(precision);
  }
}
