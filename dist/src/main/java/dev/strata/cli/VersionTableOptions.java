package dev.strata.cli;

import dev.strata.dialects.ScriptOptions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --version-table} and {@code --version-table-schema}: which table holds the database's
 * current revisions (Alembic's {@code version_table} and {@code version_table_schema}). Shared by
 * the compiling commands and {@code status}.
 *
 * <p>PostgreSQL keeps at most {@value #MAX_IDENTIFIER_BYTES} bytes of an identifier (UTF-8; {@code
 * NAMEDATALEN} - 1) and silently truncates longer ones, so a longer table name, primary-key
 * constraint name ({@code <name>_pkc}, as Alembic names it) or schema name would make the script
 * act on another name than the one given: each is a usage error (exit 2).
 */
final class VersionTableOptions {
  /** PostgreSQL's identifier limit, in UTF-8 bytes. */
  static final int MAX_IDENTIFIER_BYTES = 63;

  /** The suffix of the version table's primary-key constraint name (Alembic's). */
  static final String PRIMARY_KEY_SUFFIX = "_pkc";

  @Option(
      names = "--version-table",
      paramLabel = "NAME",
      defaultValue = ScriptOptions.DEFAULT_VERSION_TABLE,
      converter = TableConverter.class,
      description = "Version table name (default: ${DEFAULT-VALUE}, Alembic's).")
  String name;

  @Option(
      names = "--version-table-schema",
      paramLabel = "SCHEMA",
      converter = SchemaConverter.class,
      description = "Schema of the version table (default: the search path).")
  Optional<String> schema;

  /** {@code --version-table}: the name and {@code <name>_pkc} fit PostgreSQL's limit. */
  static final class TableConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      int bytes = bytes(value);
      int most = MAX_IDENTIFIER_BYTES - PRIMARY_KEY_SUFFIX.length();
      if (bytes > MAX_IDENTIFIER_BYTES) {
        throw new TypeConversionException("the version table name '" + value + "' is " + bytes
            + " bytes long (UTF-8), and PostgreSQL truncates identifiers to "
            + MAX_IDENTIFIER_BYTES + " bytes: give a name of at most " + most + " bytes (its"
            + " primary key '<name>" + PRIMARY_KEY_SUFFIX + "' must fit too)");
      }
      if (bytes > most) {
        throw new TypeConversionException("the version table's primary key '" + value
            + PRIMARY_KEY_SUFFIX + "' would be " + (bytes + PRIMARY_KEY_SUFFIX.length())
            + " bytes long (UTF-8), and PostgreSQL truncates identifiers to "
            + MAX_IDENTIFIER_BYTES + " bytes: give a table name of at most " + most + " bytes");
      }
      return value;
    }
  }

  /** {@code --version-table-schema}: the name fits PostgreSQL's limit. */
  static final class SchemaConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      int bytes = bytes(value);
      if (bytes > MAX_IDENTIFIER_BYTES) {
        throw new TypeConversionException("the schema name '" + value + "' is " + bytes
            + " bytes long (UTF-8), and PostgreSQL truncates identifiers to "
            + MAX_IDENTIFIER_BYTES + " bytes: give a name of at most " + MAX_IDENTIFIER_BYTES
            + " bytes");
      }
      return value;
    }
  }

  private static int bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8).length;
  }
}
