package dev.strata.cli;

import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
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
   * The revision graph of {@link #versions}, from the files' headers only ({@link
   * VersionsLoader#loadHeaders}): for the commands that report the graph ({@code heads}, {@code
   * history}, {@code branches}, {@code graph}); its files' sections are not read.
   *
   * @throws DiagnosticException the header and graph diagnostics (E01xx, E02xx)
   */
  RevisionGraph graph() throws DiagnosticException {
    return RevisionGraph.build(VersionsLoader.loadHeaders(versions));
  }
}
