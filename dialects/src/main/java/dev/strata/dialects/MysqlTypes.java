package dev.strata.dialects;

import dev.strata.compiler.schema.EnumType;
import dev.strata.compiler.schema.SchemaModel;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.DataType;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The column types of MySQL and MariaDB ({@link Dialect#MYSQL}, {@link Dialect#MARIADB}); the table
 * and the reason for each choice are in {@code docs/dialects.md} ("Type mapping"). jOOQ's types
 * are used where jOOQ spells them right for the dialect; the others are spelled here, each saying
 * why.
 */
final class MysqlTypes {
  /** The longest {@code VARCHAR} in utf8mb4 (4 bytes a character in a 65,535-byte row). */
  static final int MAX_VARCHAR = 16383;

  /** {@code CHAR(n)} holds at most 255 characters. */
  static final int MAX_CHAR = 255;

  /** {@code DECIMAL(M, D)}: M at most 65, D at most 30. */
  static final int MAX_PRECISION = 65;

  static final int MAX_SCALE = 30;

  /** {@code BIT(n)}: at most 64 bits. */
  static final int MAX_BIT = 64;

  private MysqlTypes() {}

  /** The type for {@code dialect} (MySQL or MariaDB), or E0430-E0432 at {@code site}. */
  static org.jooq.DataType<?> of(
      DataType type, Dialect dialect, SqlContext sql, SchemaModel model, Site site)
      throws DiagnosticException {
    if (type.isArray()) {
      throw TypeDiagnostics.array(site, type, dialect);
    }
    return switch (type.kind()) {
      // the serial kinds give their integer: AUTO_INCREMENT is the statement's to add
      case SMALLINT, SMALLSERIAL -> SQLDataType.SMALLINT;
      case INTEGER, SERIAL -> SQLDataType.INTEGER;
      case BIGINT, BIGSERIAL -> SQLDataType.BIGINT;
      case NUMERIC -> decimal(type, dialect, site);
      // MySQL's REAL is DOUBLE (unless sql_mode has REAL_AS_FLOAT): FLOAT is the 4-byte float
      case REAL -> SQLDataType.FLOAT;
      case DOUBLE_PRECISION -> SQLDataType.DOUBLE;
      case VARCHAR -> type.size().isPresent()
          ? SQLDataType.VARCHAR(limited(type, dialect, site, MAX_VARCHAR,
              "VARCHAR holds at most " + MAX_VARCHAR + " characters in utf8mb4", "use TEXT"))
          // PostgreSQL's VARCHAR without a length is TEXT; MySQL requires a length
          : SQLDataType.CLOB;
      // CHAR without a length is CHAR(1) in PostgreSQL; jOOQ spells a CHAR without one as text
      case CHAR -> SQLDataType.CHAR(limited(type, dialect, site, MAX_CHAR,
          "CHAR holds at most " + MAX_CHAR + " characters", "use VARCHAR(n)"));
      // jOOQ's CLOB is LONGTEXT (4 GiB): TEXT holds 64 KiB, PostgreSQL's text up to 1 GB
      case TEXT -> SQLDataType.CLOB;
      case BOOLEAN -> SQLDataType.BOOLEAN;
      case DATE -> SQLDataType.DATE;
      case TIME -> SQLDataType.TIME(fractionalDigits(type, dialect, site));
      // DATETIME keeps the value as written up to year 9999; TIMESTAMP ends in 2038
      case TIMESTAMP, TIMESTAMPTZ -> SQLDataType.TIMESTAMP(fractionalDigits(type, dialect, site));
      case JSON, JSONB -> SQLDataType.JSON;
      // jOOQ 3.20 spells MariaDB's UUID type (10.7+) as varchar(36)
      case UUID -> dialect.has(Capability.UUID_TYPE) ? DataTypes.written("uuid") : SQLDataType.UUID;
      // jOOQ's BLOB is LONGBLOB (4 GiB): BLOB holds 64 KiB, PostgreSQL's bytea up to 1 GB
      case BYTEA -> SQLDataType.BLOB;
      // jOOQ's BIT is a boolean; BIT(n) is MySQL's bit string too (BIT is BIT(1) in both)
      case BIT -> DataTypes.written("bit(" + limited(type, dialect, site, MAX_BIT,
          "BIT holds at most " + MAX_BIT + " bits", "use VARBINARY") + ")");
      case TIMETZ -> throw TypeDiagnostics.noEquivalent(site, type, dialect,
          "use TIME, or TIMESTAMP WITH TIME ZONE for a point in time");
      case INTERVAL -> throw TypeDiagnostics.noEquivalent(site, type, dialect,
          "store the duration as a number of seconds (BIGINT) or as ISO 8601 text (VARCHAR(32))");
      case XML -> throw TypeDiagnostics.noEquivalent(site, type, dialect,
          "use TEXT (the XML is then kept as unchecked text)");
      case VARBIT -> throw TypeDiagnostics.noEquivalent(site, type, dialect,
          "use BIT(n) for a fixed width");
      case NAMED -> named(type, dialect, sql, model, site);
      case MONEY, INET, CIDR, MACADDR, MACADDR8, TSVECTOR, TSQUERY, OID, REGCLASS, INT4RANGE,
          INT8RANGE, NUMRANGE, TSRANGE, TSTZRANGE, DATERANGE, POINT, LINE, LSEG, BOX, PATH,
          POLYGON, CIRCLE ->
          throw TypeDiagnostics.postgresOnly(site, type, dialect);
    };
  }

  /**
   * InnoDB's limit on an index key, in bytes: the sum of its parts' lengths (DYNAMIC and COMPRESSED
   * row formats, the default, with 16 KiB pages). A longer key is error 1071 ("Specified key was
   * too long; max key length is 3072 bytes").
   */
  static final int MAX_KEY_BYTES = 3072;

  /**
   * The length in bytes of a key part of a column of {@code type} in {@code dialect}, as InnoDB
   * counts it towards {@link #MAX_KEY_BYTES}: a character type 4 bytes a character (utf8mb4, the
   * default character set of MySQL 8 and of Debian's MariaDB), numbers, dates and times their
   * storage size ({@code DATETIME(6)}: 8, {@code DECIMAL(20, 4)}: 10), MariaDB's {@code UUID} 16
   * (MySQL's {@code CHAR(36)}: 144). 0 for a type that cannot be a key part whole (TEXT, BLOB,
   * JSON, refused before as E0441) or has no MySQL type (refused as E0430-E0432), and for an enum
   * (1 or 2: too small to matter). Measured on MariaDB 10.11: {@code (VARCHAR(767), INT)} is 3072
   * bytes and taken, {@code (VARCHAR(767), BIGINT)} 3076 and refused.
   */
  static int keyBytes(DataType type, Dialect dialect) {
    if (type.isArray()) {
      return 0;
    }
    int fraction = (type.size().orElse(6) + 1) / 2;
    return switch (type.kind()) {
      case SMALLINT, SMALLSERIAL -> 2;
      case INTEGER, SERIAL, REAL -> 4;
      case BIGINT, BIGSERIAL, DOUBLE_PRECISION -> 8;
      case NUMERIC -> type.size().isEmpty() ? 0
          : decimalBytes(type.size().getAsInt() - type.scale().orElse(0))
              + decimalBytes(type.scale().orElse(0));
      case VARCHAR -> type.size().isPresent() ? 4 * type.size().getAsInt() : 0;
      case CHAR -> 4 * type.size().orElse(1);
      case BOOLEAN -> 1;
      case DATE -> 3;
      case TIME -> 3 + fraction;
      case TIMESTAMP, TIMESTAMPTZ -> 5 + fraction;
      case UUID -> dialect.has(Capability.UUID_TYPE) ? 16 : 4 * 36;
      case BIT -> (type.size().orElse(1) + 7) / 8;
      case TEXT, JSON, JSONB, BYTEA, NAMED, TIMETZ, INTERVAL, XML, VARBIT, MONEY, INET, CIDR,
          MACADDR, MACADDR8, TSVECTOR, TSQUERY, OID, REGCLASS, INT4RANGE, INT8RANGE, NUMRANGE,
          TSRANGE, TSTZRANGE, DATERANGE, POINT, LINE, LSEG, BOX, PATH, POLYGON, CIRCLE -> 0;
    };
  }

  /** The bytes of {@code digits} decimal digits in a DECIMAL: 4 for every 9, then 0-4. */
  private static int decimalBytes(int digits) {
    return digits / 9 * 4 + new int[] {0, 1, 1, 2, 2, 3, 3, 4, 4}[digits % 9];
  }

  /**
   * {@code DECIMAL(p, s)}; NUMERIC without a precision is refused (E0431), as docs/dialects.md
   * says.
   */
  private static org.jooq.DataType<?> decimal(DataType type, Dialect dialect, Site site)
      throws DiagnosticException {
    if (type.size().isEmpty()) {
      throw TypeDiagnostics.outOfRange(site, type, dialect,
          "its DECIMAL needs a precision (without one it is DECIMAL(10, 0), which rounds every"
              + " value to an integer), and holds at most 65 digits, 30 after the point",
          "give the column the precision and scale its values need, e.g. NUMERIC(20, 4)");
    }
    int precision = type.size().getAsInt();
    int scale = type.scale().orElse(0);
    if (precision > MAX_PRECISION || scale > MAX_SCALE || scale > precision) {
      throw TypeDiagnostics.outOfRange(site, type, dialect,
          "its DECIMAL(M, D) takes M up to " + MAX_PRECISION + " and D up to " + MAX_SCALE
              + ", D not above M",
          "choose a precision and scale within those limits");
    }
    return type.scale().isPresent()
        ? SQLDataType.DECIMAL(precision, scale)
        : SQLDataType.DECIMAL(precision);
  }

  /** The type's size (1 when none is written), or E0431 when it is above {@code max}. */
  private static int limited(
      DataType type, Dialect dialect, Site site, int max, String why, String help)
      throws DiagnosticException {
    int size = type.size().orElse(1);
    if (size > max) {
      throw TypeDiagnostics.outOfRange(site, type, dialect, why, help);
    }
    return size;
  }

  /**
   * The fractional-second digits of a {@code TIME} or {@code DATETIME}: as written, else 6
   * (PostgreSQL keeps microseconds; MySQL's default, 0, would drop them). E0431 above 6.
   */
  static int fractionalDigits(DataType type, Dialect dialect, Site site)
      throws DiagnosticException {
    int digits = type.size().orElse(6);
    if (digits > 6) {
      throw TypeDiagnostics.outOfRange(site, type, dialect,
          "fractional seconds go to 6 digits (microseconds)", "write at most 6 digits");
    }
    return digits;
  }

  /**
   * An enum type of the model, spelled inline as {@code enum('a', 'b')} (values rendered by jOOQ,
   * so quotes and backslashes are escaped for the dialect): jOOQ's enum types need a Java enum
   * class. Anything else named is E0430.
   */
  private static org.jooq.DataType<?> named(
      DataType type, Dialect dialect, SqlContext sql, SchemaModel model, Site site)
      throws DiagnosticException {
    EnumType values = DataTypes.enumType(type, model)
        .orElseThrow(() -> TypeDiagnostics.notAnEnum(site, type, dialect));
    Set<String> folded = new HashSet<>();
    for (String value : values.values()) {
      // MySQL strips trailing spaces from ENUM values and compares them without regard to case
      if (value.endsWith(" ") || !folded.add(value.toLowerCase(Locale.ROOT))) {
        throw TypeDiagnostics.outOfRange(site, type, dialect,
            "its ENUM drops trailing spaces from values and refuses two values that differ only"
                + " in case, and enum " + values.name().display() + " has "
                + sql.render(DSL.inline(value)),
            "rename the enum's values");
      }
    }
    return DataTypes.written(values.values().stream()
        .map(value -> sql.render(DSL.inline(value)))
        .collect(Collectors.joining(", ", "enum(", ")")));
  }
}
