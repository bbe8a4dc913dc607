package dev.strata.dialects;

import dev.strata.compiler.schema.SchemaText;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.DataType;

/**
 * The errors of the type mapping ({@link DataTypes#of(DataType, Dialect, SqlContext,
 * dev.strata.compiler.schema.SchemaModel, Site)}), each at the column being rendered and naming the
 * type as written ({@link SchemaText#type}) and the dialect:
 *
 * <ul>
 *   <li>E0430: the dialect has no type that keeps the type's values;
 *   <li>E0431: it has one, but not of this size, precision or scale;
 *   <li>E0432: an array type (none of MySQL, MariaDB, SQLite has arrays).
 * </ul>
 */
final class TypeDiagnostics {
  private TypeDiagnostics() {}

  /**
   * E0430: no type of {@code dialect} keeps the values of {@code type}; {@code help} says what to
   * write instead.
   */
  static DiagnosticException noEquivalent(Site site, DataType type, Dialect dialect, String help) {
    return site.error(
        "E0430",
        "type " + SchemaText.type(type) + " has no equivalent in " + dialect.id(),
        "help: " + help + ", or " + block(dialect));
  }

  /** E0430 for one of PostgreSQL's own types ({@link DataType.Kind#postgresOnly()}). */
  static DiagnosticException postgresOnly(Site site, DataType type, Dialect dialect) {
    String help = switch (type.kind()) {
      case MONEY -> "use NUMERIC(19, 2), with the currency in a column of its own";
      case INET, CIDR -> "use VARCHAR(43), the longest address with a prefix length";
      case MACADDR -> "use VARCHAR(17)";
      case MACADDR8 -> "use VARCHAR(23)";
      case TSVECTOR, TSQUERY -> "search the text columns with " + dialect.id() + "'s own full-text"
          + " search";
      case OID, REGCLASS -> "keep the object's name in VARCHAR(63)";
      case INT4RANGE, INT8RANGE, NUMRANGE, TSRANGE, TSTZRANGE, DATERANGE ->
          "use two columns, one for each bound";
      case POINT, LINE, LSEG, BOX, PATH, POLYGON, CIRCLE ->
          "keep the coordinates in DOUBLE PRECISION columns";
      case SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE_PRECISION, VARCHAR, CHAR, TEXT, BOOLEAN,
          DATE, TIME, TIMESTAMP, TIMESTAMPTZ, INTERVAL, JSON, JSONB, UUID, BYTEA, SERIAL, BIGSERIAL,
          SMALLSERIAL, TIMETZ, BIT, VARBIT, XML, NAMED ->
          throw new IllegalArgumentException(type.kind() + " is not one of PostgreSQL's own types");
    };
    return noEquivalent(site, type, dialect, help);
  }

  /** E0430 for a named type that is not an enum type of the schema model. */
  static DiagnosticException notAnEnum(Site site, DataType type, Dialect dialect) {
    return site.error(
        "E0430",
        "type " + SchemaText.type(type) + " is not an enum type of the schema, so it has no"
            + " equivalent in " + dialect.id(),
        "note: strata spells a named type for " + dialect.id() + " only when it is an enum type"
            + " created by CREATE TYPE ... AS ENUM earlier in the chain",
        "help: use a built-in type, or " + block(dialect));
  }

  /**
   * E0431: {@code type} is out of the range of {@code dialect}'s type; {@code why} says the limit.
   */
  static DiagnosticException outOfRange(
      Site site, DataType type, Dialect dialect, String why, String help) {
    return site.error(
        "E0431",
        "type " + SchemaText.type(type) + " has no equivalent in " + dialect.id() + ": " + why,
        "help: " + help + ", or " + block(dialect));
  }

  /** E0432: an array type in a dialect without arrays. */
  static DiagnosticException array(Site site, DataType type, Dialect dialect) {
    return site.error(
        "E0432",
        "array type " + SchemaText.type(type) + " has no equivalent in " + dialect.id()
            + ", which has no arrays",
        "help: keep the elements in a table of their own, or in a JSON column as a JSON array, or "
            + block(dialect));
  }

  /**
   * The advice shared by every diagnostic of the dialect stage: a block of the dialect's own SQL.
   */
  static String block(Dialect dialect) {
    return "write the statement for " + dialect.id() + " between '-- +dialect " + dialect.id()
        + "' and '-- +end' lines";
  }
}
