package dev.strata.dialects;

import java.util.Objects;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A column's {@code DEFAULT} for one dialect ({@link Expressions#columnDefault}).
 *
 * @param sql the text after {@code DEFAULT}: a literal and {@code CURRENT_TIMESTAMP} as they are,
 *     any other expression in parentheses ({@code (uuid())}): MySQL (8.0.13+) takes an expression
 *     default only so, and MariaDB and SQLite accept it. In MySQL and MariaDB a literal default of
 *     a {@code TEXT}, {@code BLOB} or {@code JSON} column is in parentheses too, since MySQL
 *     refuses a literal there. For PostgreSQL, the expression as written.
 * @param bare the same without the parentheses this record added
 * @param kind what the default is: SQLite's {@code ADD COLUMN} takes only a {@link Kind#LITERAL}
 */
record ColumnDefault(String sql, String bare, Kind kind) {

  /** What a default is. */
  enum Kind {
    /** A constant: a string, a number, {@code TRUE}/{@code FALSE}, {@code NULL}. */
    LITERAL,
    /** {@code now()} / {@code CURRENT_TIMESTAMP} on a timestamp column. */
    CURRENT_TIMESTAMP,
    /** Anything else, or PostgreSQL's expression as written. */
    EXPRESSION
  }

  ColumnDefault {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(bare, "bare");
    Objects.requireNonNull(kind, "kind");
  }

  /** {@link #sql()} as a field, for {@code ALTER COLUMN ... SET DEFAULT} and hand-written text. */
  Field<Object> field() {
    return DSL.field(DSL.raw(sql));
  }

  /**
   * {@code type} with this default, for jOOQ's column DDL ({@code createTable(...).column(name,
   * type)}, {@code addColumn}), which then reads {@code DEFAULT} followed by {@link #sql()}: jOOQ
   * 3.20 puts every default of SQLite, and MySQL's defaults of LOB and JSON types, in
   * parentheses of its own, so there it gets {@link #bare()}.
   */
  <T> DataType<T> applyTo(DataType<T> type, Dialect dialect) {
    boolean jooqParenthesises = switch (dialect) {
      case POSTGRESQL, MARIADB -> false;
      case MYSQL -> type.isLob() || type.isJSON();
      case SQLITE -> true;
    };
    return type.defaultValue(DSL.field(DSL.raw(jooqParenthesises ? bare : sql), type));
  }
}
