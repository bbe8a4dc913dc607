package dev.strata.dialects;

import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.DataType;
import org.jooq.impl.SQLDataType;

/**
 * The column types of SQLite ({@link Dialect#SQLITE}); the table and the reason for each choice
 * are in {@code docs/dialects.md} ("Type mapping"). SQLite keeps a value in one of five storage
 * classes and derives a column's affinity from its type's name (sqlite.org/datatype3.html, 3.1):
 * a name is kept when its affinity keeps the values, so that {@code .schema} still says what the
 * column holds. jOOQ's spellings are used except where they say something else, each saying why.
 */
final class SqliteTypes {
  private SqliteTypes() {}

  /** The type for SQLite, or E0430/E0432 at {@code site}. */
  static org.jooq.DataType<?> of(DataType type, SchemaModel model, Site site)
      throws DiagnosticException {
    Dialect sqlite = Dialect.SQLITE;
    if (type.isArray()) {
      throw TypeDiagnostics.array(site, type, sqlite);
    }
    return switch (type.kind()) {
      case SMALLINT -> SQLDataType.SMALLINT;
      // SQLite's INTEGER is 8 bytes; only the exact name INTEGER makes a primary key the rowid
      // (an auto-incremented key), and jOOQ spells int and int8
      case INTEGER, BIGINT, SERIAL, BIGSERIAL, SMALLSERIAL -> DataTypes.written("integer");
      case NUMERIC -> numeric(type);
      case REAL -> SQLDataType.REAL;
      case DOUBLE_PRECISION -> SQLDataType.DOUBLE;
      case VARCHAR -> type.size().isPresent()
          ? SQLDataType.VARCHAR(type.size().getAsInt())
          : SQLDataType.VARCHAR;
      // CHAR without a length is CHAR(1) in PostgreSQL
      case CHAR -> SQLDataType.CHAR(type.size().orElse(1));
      // TEXT is SQLite's own name of its text class; jOOQ spells clob
      case TEXT, JSON, JSONB -> DataTypes.written("text");
      case BOOLEAN -> SQLDataType.BOOLEAN;
      case DATE -> SQLDataType.DATE;
      // jOOQ spells TIME as datetime, which says the column holds a date
      case TIME -> DataTypes.written("time" + size(type));
      // jOOQ's timestamp with time zone is no SQLite syntax ("timestamp(6) with time zone")
      case TIMESTAMP, TIMESTAMPTZ -> type.size().isPresent()
          ? SQLDataType.TIMESTAMP(type.size().getAsInt())
          : SQLDataType.TIMESTAMP;
      case UUID -> SQLDataType.UUID;
      case BYTEA -> SQLDataType.BLOB;
      // the enum's values are checked by the CHECK that DataTypes.impliedCheck gives
      case NAMED -> {
        DataTypes.enumType(type, model)
            .orElseThrow(() -> TypeDiagnostics.notAnEnum(site, type, sqlite));
        yield DataTypes.written("text");
      }
      case TIMETZ -> throw TypeDiagnostics.noEquivalent(site, type, sqlite,
          "use TIME, or TIMESTAMP WITH TIME ZONE for a point in time");
      case INTERVAL -> throw TypeDiagnostics.noEquivalent(site, type, sqlite,
          "store the duration as a number of seconds (BIGINT) or as ISO 8601 text (VARCHAR(32))");
      case XML -> throw TypeDiagnostics.noEquivalent(site, type, sqlite,
          "use TEXT (the XML is then kept as unchecked text)");
      case BIT, VARBIT -> throw TypeDiagnostics.noEquivalent(site, type, sqlite,
          "use INTEGER for flags, or BYTEA");
      case MONEY, INET, CIDR, MACADDR, MACADDR8, TSVECTOR, TSQUERY, OID, REGCLASS, INT4RANGE,
          INT8RANGE, NUMRANGE, TSRANGE, TSTZRANGE, DATERANGE, POINT, LINE, LSEG, BOX, PATH,
          POLYGON, CIRCLE -> throw TypeDiagnostics.postgresOnly(site, type, sqlite);
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

  private static String size(DataType type) {
    return type.size().isPresent() ? "(" + type.size().getAsInt() + ")" : "";
  }
}
