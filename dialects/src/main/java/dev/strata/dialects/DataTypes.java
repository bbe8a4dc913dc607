package dev.strata.dialects;

import dev.strata.compiler.schema.EnumType;
import dev.strata.compiler.schema.ObjectName;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.DataType;
import dev.strata.grammar.ast.Expr;
import dev.strata.grammar.ast.Identifier;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.Name;
import org.jooq.SQLDialect;
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
 *
 * <p>The other dialects map each type to one of their own ({@link MysqlTypes} for MySQL and
 * MariaDB, {@link SqliteTypes}), as the "Type mapping" table of {@code docs/dialects.md} says,
 * through {@link #of(DataType, Dialect, SqlContext, SchemaModel, Site)}; a type without an
 * equivalent is an error (E0430-E0432, {@link TypeDiagnostics}).
 */
final class DataTypes {
  private DataTypes() {}

  /**
   * The column type for {@code dialect}, as jOOQ renders it in DDL: for PostgreSQL exactly
   * {@link #of(DataType, SqlContext)}; for the others as {@code docs/dialects.md} maps it. The
   * serial kinds give their integer type ({@code SERIAL} is {@code int} in MySQL, {@code integer}
   * in SQLite): {@code AUTO_INCREMENT} or {@code INTEGER PRIMARY KEY} is the statement's to add,
   * as for an identity column, whose declared type is mapped like any other. An enum type of
   * {@code model} is {@code enum('a', 'b')} in MySQL and MariaDB, {@code text} in SQLite (with the
   * check {@link #impliedCheck} gives).
   *
   * @param model the schema model right before the statement (its enum types)
   * @param site where an error points: the column ({@link #at(Site, Identifier)})
   * @throws DiagnosticException E0430 when {@code dialect} has no type that keeps the values,
   *     E0431 when it has one but not of this size, precision or scale, E0432 for an array
   */
  static org.jooq.DataType<?> of(
      DataType type, Dialect dialect, SqlContext sql, SchemaModel model, Site site)
      throws DiagnosticException {
    return switch (dialect) {
      case POSTGRESQL -> of(type, sql);
      case MYSQL, MARIADB -> MysqlTypes.of(type, dialect, sql, model, site);
      case SQLITE -> SqliteTypes.of(type, model, site);
    };
  }

  /**
   * The type {@link #of(DataType, Dialect, SqlContext, SchemaModel, Site)} gives, as its DDL text
   * ({@code decimal(20, 4)}, {@code datetime(6)}, {@code enum('a', 'b')}), for hand-written
   * statements; for PostgreSQL exactly {@link #name(DataType, SqlContext)}.
   *
   * @throws DiagnosticException as {@link #of(DataType, Dialect, SqlContext, SchemaModel, Site)}
   */
  static String name(DataType type, Dialect dialect, SqlContext sql, SchemaModel model, Site site)
      throws DiagnosticException {
    return switch (dialect) {
      case POSTGRESQL -> name(type, sql);
      case MYSQL, MARIADB, SQLITE -> ddl(of(type, dialect, sql, model, site), sql);
    };
  }

  /**
   * The {@code CHECK} condition a column of {@code type} needs in {@code dialect} to refuse what
   * PostgreSQL's type refuses, for the statement to add as a table constraint, or empty: in SQLite,
   * {@code column IN ('a', 'b')} for an enum type of {@code model} and {@code json_valid(column)}
   * for JSON and JSONB (MariaDB adds that check to its own {@code JSON} columns; MySQL's
   * {@code ENUM} and {@code JSON} check their values themselves).
   *
   * @param column the column's name as jOOQ renders it ({@link SqlContext#name(Identifier)})
   */
  static Optional<Condition> impliedCheck(
      Name column, DataType type, Dialect dialect, SchemaModel model) {
    if (type.isArray()) {
      return Optional.empty();
    }
    return switch (dialect) {
      case POSTGRESQL, MYSQL, MARIADB -> Optional.empty();
      case SQLITE -> sqliteCheck(column, type, model);
    };
  }

  private static Optional<Condition> sqliteCheck(Name column, DataType type, SchemaModel model) {
    if (type.kind() == DataType.Kind.JSON || type.kind() == DataType.Kind.JSONB) {
      return Optional.of(
          DSL.condition(DSL.function("json_valid", SQLDataType.BOOLEAN, DSL.field(column))));
    }
    return enumType(type, model).map(values -> DSL.field(column, SQLDataType.VARCHAR)
        .in(values.values().stream().map(DSL::inline).toList()));
  }

  /**
   * The site of the errors about a column's type: the column's name where it was written, else
   * the statement.
   */
  static Site at(Site statement, Identifier column) {
    return new Site(statement.source(), column.span().orElse(statement.span()));
  }

  /** The enum type of {@code model} that a named type without modifiers names, or empty. */
  static Optional<EnumType> enumType(DataType type, SchemaModel model) {
    return type.named()
        .filter(named -> named.modifiers().isEmpty())
        .map(named -> model.types().get(ObjectName.of(named.name())));
  }

  /**
   * A type's DDL spelling as jOOQ writes it for a column. jOOQ has no public method for it
   * ({@link org.jooq.DataType#getTypeName} gives {@code text} where the DDL says {@code longtext},
   * {@link SqlContext#typeName} the cast's name, {@code signed} for {@code int} in MySQL): the
   * type is rendered in {@code ALTER TABLE t ALTER c SET DATA TYPE} (the form whose column has no
   * other attribute in every dialect: MariaDB's CREATE TABLE adds {@code NULL} after a
   * {@code datetime}) and the text after a marker type's position is taken.
   */
  private static String ddl(org.jooq.DataType<?> type, SqlContext sql) {
    String marker = "strata_type";
    String around = sql.render(sql.dsl().alterTable("t").alter("c").set(written(marker)));
    String prefix = around.substring(0, around.length() - marker.length());
    String rendered = sql.render(sql.dsl().alterTable("t").alter("c").set(type));
    if (!around.endsWith(marker) || !rendered.startsWith(prefix)) {
      throw new IllegalStateException("jOOQ wrote a type unexpectedly: " + rendered);
    }
    return rendered.substring(prefix.length());
  }

  /**
   * The type as jOOQ renders it in PostgreSQL's DDL.
   *
   * @throws IllegalStateException for another dialect's {@code sql}, which maps types with {@link
   *     #of(DataType, Dialect, SqlContext, SchemaModel, Site)}
   */
  static org.jooq.DataType<?> of(DataType type, SqlContext sql) {
    requirePostgres(sql);
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
    requirePostgres(sql);
    return switch (spell(type, sql)) {
      case Spelling.Jooq jooq -> sql.typeName(jooq.type());
      case Spelling.Written written -> written.sql();
    };
  }

  /**
   * PostgreSQL's spellings are no other dialect's: a caller that forgot the mapping fails loudly.
   */
  private static void requirePostgres(SqlContext sql) {
    if (sql.dsl().dialect().family() != SQLDialect.POSTGRES) {
      throw new IllegalStateException("PostgreSQL's type spelling asked for "
          + sql.dsl().dialect() + ": use DataTypes.of(type, dialect, sql, model, site)");
    }
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
