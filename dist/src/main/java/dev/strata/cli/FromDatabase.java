package dev.strata.cli;

import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.util.Optional;
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
   * @throws ParameterException (usage, exit 2) when {@code --from-db} is given with a {@code FROM:}
   * @throws DiagnosticException E0530/E0531 when the database cannot be read, E0532 when it holds
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
    DatabaseState state =
        VersionTableReader.read(url.get(), options.table.name, options.table.schema);
    state.requireKnown(graph, options.source.versions, url.get());
    state.requireConsistent(graph, url.get());
    return Range.parse(Direction.UPGRADE, argument).startingAt(state.targets());
  }

  /** A {@code jdbc:postgresql:} URL, else a usage error whose message masks the password. */
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
