package dev.strata.cli;

import dev.strata.grammar.ast.Direction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code strata upgrade [FROM:]TO}: the SQL that upgrades a database from FROM to TO. */
@Command(
    name = "upgrade",
    mixinStandardHelpOptions = true,
    description = {
      "Print the SQL that upgrades a database from FROM to TO,",
      "as Alembic's 'upgrade FROM:TO --sql' does. FROM defaults to base",
      "(an empty database). FROM may name several heads, comma-separated,",
      "for a database that has several."
    })
final class UpgradeCommand extends ScriptCommand {

  @Parameters(
      index = "0",
      paramLabel = "[FROM:]TO",
      description = "Revisions: base, head, heads, an id or a unique id prefix.")
  String range;

  @Override
  Direction direction() {
    return Direction.UPGRADE;
  }

  @Override
  String range() {
    return range;
  }
}
