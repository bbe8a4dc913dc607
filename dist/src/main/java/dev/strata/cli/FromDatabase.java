package dev.strata.cli;

import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --from-db JDBC_URL} on {@code upgrade} and {@code bundle}: FROM is what the database's
 * version table holds (read only, as {@code strata status --db} reads it), and the range argument
 * is just TO.
 */
final class FromDatabase {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--from-db",
      paramLabel = "JDBC_URL",
      converter = JdbcUrlConverter.class,
      description = "Start from the revisions in this database's version table (read only);"
          + " the range is then just TO.")
  Optional<JdbcUrl> url;

  /**
   * The upgrade range to plan: {@code argument} as typed, or with {@code --from-db} the typed TO
   * side starting from the database's rows (or {@code base}), as targets: no text is made of them.
   *
   * @throws ParameterException (usage, exit 2) when {@code --from-db} is given with a {@code FROM:},
   *     or with {@code --version-table-schema} for an SQLite file
   * @throws DiagnosticException E0530/E0531 when the database cannot be read (E0551/E0552: an
   *     SQLite file is missing or is not a database), E0553 when {@code --dialect} is another
   *     engine's than the database's, E0532 when it holds
   *     revisions that {@code graph} does not know, E0301 when {@code argument} is malformed
   */
  Range range(String argument, RevisionGraph graph, CompileOptions options)
      throws DiagnosticException {
    if (url.isEmpty()) {
      return Range.parse(Direction.UPGRADE, argument);
    }
    if (argument.contains(":")) {
      throw new ParameterException(mixee.commandLine(),
          "--from-db gives FROM: the range is then just TO, not '" + argument + "'");
    }
    requireSchemaSupported(url.get(), options.table.schema, mixee.commandLine());
    DatabaseState state =
        VersionTableReader.read(url.get(), options.table.name, options.table.schema);
    state.requireRenderedFor(options.dialect.dialectId(), url.get());
    state.requireKnown(graph, options.source.versions, url.get());
    state.requireConsistent(graph, url.get());
    return Range.parse(Direction.UPGRADE, argument).startingAt(state.targets());
  }

  /**
   * {@code --version-table-schema} names a schema, which an SQLite database does not have (on
   * MariaDB/MySQL a schema is a database: the option names the one that holds the table).
   *
   * @throws ParameterException (usage, exit 2) for a schema with an SQLite database
   */
  static void requireSchemaSupported(JdbcUrl url, Optional<String> schema, CommandLine command) {
    switch (url.engine()) {
      case POSTGRESQL, MARIADB -> { }
      case SQLITE -> {
        if (schema.isPresent()) {
          throw new ParameterException(command, "--version-table-schema " + schema.get()
              + ": an SQLite database has no schemas; its version table is in the file " + url);
        }
      }
    }
  }

  /** A URL of one of {@link JdbcUrl}'s forms, else a usage error whose message masks the password. */
  static final class JdbcUrlConverter implements ITypeConverter<JdbcUrl> {
    @Override
    public JdbcUrl convert(String value) {
      try {
        return new JdbcUrl(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
