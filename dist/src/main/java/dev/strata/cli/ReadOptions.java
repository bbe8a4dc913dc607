package dev.strata.cli;

import dev.strata.compiler.ParseCache;
import dev.strata.compiler.RevisionGraph;
import dev.strata.compiler.VersionsLoader;
import dev.strata.grammar.DiagnosticException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --versions DIR}, where the revisions are: the option of the read commands ({@code heads},
 * {@code branches}, {@code history}, {@code show}, {@code graph}), {@code check}, {@code lock}, {@code status}, {@code new}/{@code merge} and the
 * compiling commands ({@code upgrade}, {@code downgrade}, {@code bundle}).
 * Read commands never render SQL unless asked ({@code show --sql}) and never write files.
 *
 * <p>Also {@code --cache-dir DIR} and {@code --no-cache}: where the commands that parse the
 * revision files keep their parsed trees between runs ({@link ParseCache}; {@link #cache}).
 */
final class ReadOptions {

  @Option(
      names = "--versions",
      paramLabel = "DIR",
      defaultValue = "versions",
      description = "Directory of revision files (default: ${DEFAULT-VALUE}).")
  Path versions;

  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description = "Folder of strata's caches, kept between runs: parsed revision files,"
          + " and the output of upgrade, downgrade and check for unchanged inputs"
          + " (default: $XDG_CACHE_HOME/strata, else $HOME/.cache/strata).")
  Path cacheDir;

  @Option(
      names = "--no-cache",
      description = "Parse every revision file and compile in full; read and write no"
          + " cache.")
  boolean noCache;

  /**
   * The parse cache this command uses: none with {@code --no-cache}; else in {@code --cache-dir}
   * (or {@code STRATA_CACHE_DIR}, or {@code cache-dir} in strata.toml, through {@link
   * ConfigDefaults}); else in {@link ParseCache#defaultDirectory} of the environment the command
   * line was made with (none when it has neither {@code XDG_CACHE_HOME} nor {@code HOME}, as in
   * tests).
   *
   * @param command the running command's spec, whose root holds the {@link ConfigDefaults}
   */
  ParseCache cache(CommandSpec command) {
    if (noCache) {
      return ParseCache.none();
    }
    Optional<Path> folder = Optional.ofNullable(cacheDir);
    if (folder.isEmpty() && command.root().defaultValueProvider() instanceof ConfigDefaults d) {
      folder = ParseCache.defaultDirectory(d.environment().variables());
    }
    return folder.map(f -> ParseCache.in(f, ToolVersion.get())).orElseGet(ParseCache::none);
  }

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

  /**
   * The revision graph of {@link #versions} with every file read whole (through {@link
   * #cache}): for the commands that replay the revisions' statements ({@code schema}, {@code
   * diff}), which {@link #graph()}'s header-only files would leave empty.
   *
   * @param command the running command's spec (for {@link #cache})
   * @throws DiagnosticException the loader's and the graph's diagnostics (E01xx, E02xx)
   */
  RevisionGraph fullGraph(CommandSpec command) throws DiagnosticException {
    return Compilation.unlocked(versions, cache(command)).graph();
  }
}
