package dev.strata.cli;

import dev.strata.dialects.Dialect;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options every compiling command shares: where the revisions are and what to render. */
final class CompileOptions {

  @Option(
      names = "--versions",
      paramLabel = "DIR",
      defaultValue = "versions",
      description = "Directory of revision files (default: ${DEFAULT-VALUE}).")
  Path versions;

  @Option(
      names = "--dialect",
      paramLabel = "NAME",
      defaultValue = "postgresql",
      converter = DialectConverter.class,
      description = "SQL dialect to render: postgresql (default: ${DEFAULT-VALUE}).")
  Dialect dialect;

  @Option(
      names = "--version-table",
      paramLabel = "NAME",
      defaultValue = "alembic_version",
      description = "Version table name (default: ${DEFAULT-VALUE}, Alembic's).")
  String versionTable;

  @Option(
      names = "--version-table-schema",
      paramLabel = "SCHEMA",
      description = "Schema of the version table (default: the search path).")
  Optional<String> versionTableSchema;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the script to FILE (atomically) instead of standard output.")
  Optional<Path> output;

  @Option(names = "--verbose", description = "Print a stack trace on internal errors.")
  boolean verbose;

  /** {@code --dialect NAME}: a known dialect id, else a usage error listing the known ones. */
  static final class DialectConverter implements ITypeConverter<Dialect> {
    @Override
    public Dialect convert(String value) {
      return Dialect.byId(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown dialect '" + value + "' (known: " + Dialect.knownIds() + ")"));
    }
  }
}
