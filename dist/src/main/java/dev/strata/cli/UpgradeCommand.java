package dev.strata.cli;

import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code strata upgrade [FROM:]TO}: the SQL that upgrades a database from FROM to TO. */
@Command(
    name = "upgrade",
    description = {
      "Print the SQL that upgrades a database from FROM to TO,",
      "as Alembic's 'upgrade FROM:TO --sql' does. FROM defaults to base",
      "(an empty database). FROM may name several heads, comma-separated,",
      "for a database that has several. --from-db reads FROM from a live",
      "database's version table; the range is then just TO."
    })
final class UpgradeCommand extends ScriptCommand {

  @Parameters(
      index = "0",
      paramLabel = "[FROM:]TO",
      description = "Revisions: base, head, heads, an id or a unique id prefix.")
  String range;

  @Mixin FromDatabase fromDb;

  @Override
  Direction direction() {
    return Direction.UPGRADE;
  }

  @Override
  Range range(RevisionGraph graph) throws DiagnosticException {
    return fromDb.range(range, graph, options);
  }

  @Override
  Optional<JdbcUrl> fromDb() {
    return fromDb.url;
  }
}
