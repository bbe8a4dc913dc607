package dev.strata.dialects;

import dev.strata.grammar.ast.DataType;
import org.jooq.impl.SQLDataType;

/**
 * The jOOQ type of each column type of the neutral subset. jOOQ spells them per dialect; for
 * PostgreSQL: {@code int}, {@code numeric(p, s)}, {@code double precision}, {@code text},
 * {@code timestamp(p) with time zone}, {@code jsonb}, {@code uuid}, {@code bytea}, ...
 */
final class DataTypes {
  private DataTypes() {}

  static org.jooq.DataType<?> of(DataType type) {
    return switch (type.kind()) {
      case SMALLINT -> SQLDataType.SMALLINT;
      case INTEGER -> SQLDataType.INTEGER;
      case BIGINT -> SQLDataType.BIGINT;
      case NUMERIC -> numeric(type);
      case REAL -> SQLDataType.REAL;
      case DOUBLE_PRECISION -> SQLDataType.DOUBLE;
      case VARCHAR ->
          type.size().isPresent()
              ? SQLDataType.VARCHAR(type.size().getAsInt())
              : SQLDataType.VARCHAR;
      case CHAR ->
          type.size().isPresent() ? SQLDataType.CHAR(type.size().getAsInt()) : SQLDataType.CHAR;
      case TEXT -> SQLDataType.CLOB;
      case BOOLEAN -> SQLDataType.BOOLEAN;
      case DATE -> SQLDataType.DATE;
      case TIME ->
          type.size().isPresent() ? SQLDataType.TIME(type.size().getAsInt()) : SQLDataType.TIME;
      case TIMESTAMP ->
          type.size().isPresent()
              ? SQLDataType.TIMESTAMP(type.size().getAsInt())
              : SQLDataType.TIMESTAMP;
      case TIMESTAMPTZ ->
          type.size().isPresent()
              ? SQLDataType.TIMESTAMPWITHTIMEZONE(type.size().getAsInt())
              : SQLDataType.TIMESTAMPWITHTIMEZONE;
      case INTERVAL -> SQLDataType.INTERVAL;
      case JSON -> SQLDataType.JSON;
      case JSONB -> SQLDataType.JSONB;
      case UUID -> SQLDataType.UUID;
      // jOOQ's BLOB is PostgreSQL's bytea
      case BYTEA -> SQLDataType.BLOB;
    };
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
