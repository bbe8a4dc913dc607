package dev.strata.cli;

import dev.strata.dialects.ScriptOptions;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --version-table} and {@code --version-table-schema}: which table holds the database's
 * current revisions (Alembic's {@code version_table} and {@code version_table_schema}). Shared by
 * the compiling commands and {@code status}.
 */
final class VersionTableOptions {

  @Option(
      names = "--version-table",
      paramLabel = "NAME",
      defaultValue = ScriptOptions.DEFAULT_VERSION_TABLE,
      description = "Version table name (default: ${DEFAULT-VALUE}, Alembic's).")
  String name;

  @Option(
      names = "--version-table-schema",
      paramLabel = "SCHEMA",
      description = "Schema of the version table (default: the search path).")
  Optional<String> schema;
}
