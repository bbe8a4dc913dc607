package dev.strata.cli;

import dev.strata.compiler.RevisionGraph;
import dev.strata.grammar.DiagnosticException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --versions DIR}, where the revisions are: the option of the read commands ({@code heads},
 * {@code branches}, {@code history}, {@code show}, {@code graph}), {@code check}, {@code lock}, {@code status}, {@code new}/{@code merge} and the
 * compiling commands ({@code upgrade}, {@code downgrade}, {@code bundle}).
 * Read commands never render SQL unless asked ({@code show --sql}) and never write files.
 */
final class ReadOptions {

  @Option(
      names = "--versions",
      paramLabel = "DIR",
      defaultValue = "versions",
      description = "Directory of revision files (default: ${DEFAULT-VALUE}).")
  Path versions;

  /**
   * The revision graph of {@link #versions}.
   *
   * @throws DiagnosticException the loader's and the graph's diagnostics (E01xx, E02xx)
   */
  RevisionGraph graph() throws DiagnosticException {
    return Compilation.unlocked(versions).graph();
  }
}
