package dev.strata.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of links to a few tools (sh, sed, a database client...), and nothing else: a {@code
 * PATH} with no java on it, for the tests that run the launcher or a bundle's scripts as a DBA
 * would ({@link LauncherIT}, {@link ReleaseIT}, {@link BundleIT}, {@link DialectBundleTest}).
 */
final class ToolsOnly {
  private ToolsOnly() {}

  /**
   * The folder {@code bin} (made if missing) holding a link to each of {@code tools} as found on
   * this process's {@code PATH}; links already there are kept.
   *
   * @throws AssertionError when a tool is not on the {@code PATH}
   */
  static Path in(Path bin, List<String> tools) throws Exception {
    Files.createDirectories(bin);
    for (String tool : tools) {
      if (!Files.exists(bin.resolve(tool), LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(bin.resolve(tool), which(tool));
      }
    }
    return bin;
  }

  private static Path which(String tool) {
    for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(tool + " is not on PATH");
  }
}
