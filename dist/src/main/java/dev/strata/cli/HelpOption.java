package dev.strata.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} of every subcommand. Subcommands have no {@code -V}/{@code --version}:
 * only {@code strata --version} prints the version, so a mistyped {@code --versions DIR} is a usage
 * error (with a hint, see {@link UsageHints}) rather than a run that prints the version and writes
 * nothing.
 */
final class HelpOption {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean requested;
}
