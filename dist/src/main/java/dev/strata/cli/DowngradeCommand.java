package dev.strata.cli;

import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code strata downgrade FROM:TO}, or {@code strata downgrade --from-db URL TO}: the SQL that
 * downgrades a database from FROM (typed, or read from its version table) to TO.
 */
@Command(
    name = "downgrade",
    description = {
      "Print the SQL that downgrades a database from FROM to TO,",
      "as Alembic's 'downgrade FROM:TO --sql' does. FROM is required, as in",
      "Alembic's offline mode, unless --from-db reads it from a live",
      "database's version table; the argument is then just TO, e.g. -1 for",
      "one revision down. FROM may name several heads, comma-separated,",
      "for a database that has several."
    })
final class DowngradeCommand extends ScriptCommand {

  @Parameters(
      index = "0",
      paramLabel = "FROM:TO",
      description = "Revisions: base, head, heads, an id or a unique id prefix, -N (N below"
          + " FROM); just TO with --from-db.")
  String range;

  @Mixin FromDatabase fromDb;

  @Override
  Direction direction() {
    return Direction.DOWNGRADE;
  }

  @Override
  Range range(RevisionGraph graph) throws DiagnosticException {
    return fromDb.range(range, graph, options, Direction.DOWNGRADE);
  }

  @Override
  Optional<JdbcUrl> fromDb() {
    return fromDb.url;
  }
}
