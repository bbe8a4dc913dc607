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
 * {@code --from-db URL} on {@code upgrade}, {@code downgrade} and {@code bundle}: FROM is what the
 * database's version table holds (read only, as {@code strata status --db} reads it), and the range
 * argument is just TO; a relative TO ({@code -1}, {@code +2}) counts from the database's revisions,
 * as Alembic's {@code downgrade -1} does.
 */
final class FromDatabase {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--from-db",
      paramLabel = "URL",
      description = "Start from the revisions in this database's version table (read only);"
          + " the range is then just TO. A JDBC URL or postgresql://USER@HOST/DB (password"
          + " from PGPASSWORD or ~/.pgpass).")
  Optional<JdbcUrl> url;

  /**
   * The upgrade range to plan: {@code argument} as typed, or with {@code --from-db} the typed TO
   * side starting from the database's rows (or {@code base}), as targets: no text is made of them.
   * As {@link #range(String, RevisionGraph, CompileOptions, Direction)} for an upgrade.
   */
  Range range(String argument, RevisionGraph graph, CompileOptions options)
      throws DiagnosticException {
    return range(argument, graph, options, Direction.UPGRADE);
  }

  /**
   * The range to plan in {@code direction}: {@code argument} as typed ({@code FROM:TO}; a
   * downgrade needs the FROM), or with {@code --from-db} the typed TO side ({@code -1}, {@code
   * base}, a revision) starting from the database's rows (or {@code base}), as targets: no text
   * is made of them.
   *
   * @throws ParameterException (usage, exit 2) when {@code --from-db} is given with a {@code FROM:},
   *     or with {@code --version-table-schema} for an SQLite file
   * @throws DiagnosticException E0530/E0531 when the database cannot be read (E0551/E0552: an
   *     SQLite file is missing or is not a database), E0553 when {@code --dialect} is another
   *     engine's than the database's, E0532 when it holds
   *     revisions that {@code graph} does not know, E0301 when {@code argument} is malformed
   */
  Range range(String argument, RevisionGraph graph, CompileOptions options, Direction direction)
      throws DiagnosticException {
    if (url.isEmpty()) {
      return Range.parse(direction, argument);
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
    // parsed as a TO side alone (the colon was refused above), whatever the direction
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

  /**
   * A URL of one of {@link JdbcUrl}'s forms, else a usage error whose message masks the password;
   * {@code PGPASSWORD} and {@code PGUSER} come from the environment it was made with ({@link
   * StrataCommand} registers one made with the command's {@link Environment}).
   */
  static final class JdbcUrlConverter implements ITypeConverter<JdbcUrl> {
    private final Environment environment;

    /** A converter reading the process's environment. */
    JdbcUrlConverter() {
      this(Environment.system());
    }

    /** A converter reading {@code environment}. */
    JdbcUrlConverter(Environment environment) {
      this.environment = environment;
    }

    @Override
    public JdbcUrl convert(String value) {
      try {
        return JdbcUrl.of(value, environment.variables());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
