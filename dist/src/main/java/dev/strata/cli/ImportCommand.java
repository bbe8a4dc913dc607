package dev.strata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/**
 * {@code strata import}: brings another tool's migration history into strata's revision files.
 * It only holds its subcommands ({@code alembic}).
 */
@Command(
    name = "import",
    description = "Write strata revision files from another tool's migration history.",
    subcommands = {ImportAlembicCommand.class},
    synopsisSubcommandLabel = "TOOL")
final class ImportCommand implements Runnable {

  @Mixin HelpOption help;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a tool to import from is required (alembic)");
  }
}
