package dev.strata.cli;

import dev.strata.compiler.Range;
import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.DiagnosticException;
import dev.strata.grammar.ast.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code strata downgrade FROM:TO}: the SQL that downgrades a database from FROM to TO. */
@Command(
    name = "downgrade",
    description = {
      "Print the SQL that downgrades a database from FROM to TO,",
      "as Alembic's 'downgrade FROM:TO --sql' does. FROM is required, as in",
      "Alembic's offline mode. FROM may name several heads, comma-separated,",
      "for a database that has several."
    })
final class DowngradeCommand extends ScriptCommand {

  @Parameters(
      index = "0",
      paramLabel = "FROM:TO",
      description = "Revisions: base, head, heads, an id or a unique id prefix.")
  String range;

  @Override
  Direction direction() {
    return Direction.DOWNGRADE;
  }

  @Override
  Range range(RevisionGraph graph) throws DiagnosticException {
    return Range.parse(Direction.DOWNGRADE, range);
  }
}
